package dev.baton.notification;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditLog;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail the outbox gave up on, for an admin who can act (fix the address or the mail server, then send
 * it again). A retry is audited and gives the mail a fresh set of attempts; the feature that queued it
 * hears of the outcome through {@link OutboxEvents}.
 */
@Service
public class FailedMail {

    /** A failed mail as the admin page and API show it; times are instants (the page prints the reader's zone). */
    public record View(
            long id,
            String kind,
            String to,
            String subject,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant retriedAt,
            String retriedBy) {

        static View of(OutboxMessage m) {
            String key = m.getDedupKey();
            return new View(
                    m.getId(),
                    key.contains(":") ? key.substring(0, key.indexOf(':')) : key,
                    m.getToAddress(),
                    m.getSubject(),
                    m.getAttempts(),
                    m.getLastError(),
                    m.getCreatedAt(),
                    m.getRetriedAt(),
                    m.getRetriedBy());
        }
    }

    /** The longest address a mail has (RFC 5321's path, less its brackets), as {@code outbox.to_address} keeps it. */
    static final int MAX_ADDRESS = 254;

    private final OutboxMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    FailedMail(OutboxMessages messages, AuditLog audit, Clock clock) {
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The newest 200 failed mails, newest first. */
    @Transactional(readOnly = true)
    public List<View> list() {
        return messages.findTop200ByStatusOrderByIdDesc(OutboxStatus.FAILED).stream()
                .map(View::of)
                .toList();
    }

    /**
     * Queues a failed mail again, due now (the dispatcher sends it on its next run), and audits who did.
     *
     * @param to a corrected recipient (one plain-ASCII address: the mail server refused the old one), or
     *     null/blank to keep the address
     * @throws NotFoundException if there is no such mail
     * @throws ConflictException if it has not failed (waiting or sent: nothing to retry)
     * @throws BadRequestException naming {@code to} if it is not one plain-ASCII mail address of at most
     *     {@value #MAX_ADDRESS} characters
     */
    @Transactional
    public View retry(long id, String to) {
        String newTo = to == null || to.isBlank() ? null : address(to.trim());
        OutboxMessage m = messages.findById(id).orElseThrow(() -> new NotFoundException("mail", id));
        if (m.getStatus() != OutboxStatus.FAILED) {
            throw new ConflictException("mail " + id + " has not failed (it is "
                    + (m.getStatus() == OutboxStatus.SENT ? "sent" : "waiting to be sent") + ")");
        }
        String by = AuditLog.currentActor();
        audit.record(
                "mail.retried",
                "outbox_message",
                id,
                null,
                fields("status", "FAILED", "attempts", m.getAttempts(), "lastError", m.getLastError()),
                fields("status", "PENDING", "to", newTo == null ? m.getToAddress() : newTo, "subject", m.getSubject()));
        m.retry(clock.instant(), by, newTo);
        return View.of(m);
    }

    private static String address(String to) {
        if (to.length() > MAX_ADDRESS) {
            throw new BadRequestException("to", "must be at most " + MAX_ADDRESS + " characters");
        }
        try {
            InternetAddress parsed = new InternetAddress(to, true);
            if (to.chars().allMatch(c -> c < 128) && parsed.getPersonal() == null && to.contains("@")) {
                return parsed.getAddress();
            }
        } catch (AddressException bad) {
            // answered below
        }
        throw new BadRequestException("to", "'" + to + "' is not one plain-ASCII mail address");
    }
}
