package dev.baton.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail. Each message is claimed with {@code FOR UPDATE SKIP LOCKED} and sent inside
 * its own transaction that marks it SENT, so several instances can run dispatchers on one database,
 * and a crash can leave at most the one message in flight unrecorded (a batch per transaction
 * resent the whole batch's accepted messages after a {@code kill -9}: seen in a fault run).
 *
 * <p>Delivery is at least once, not exactly once: if the process dies (or the commit fails, or the
 * SMTP connection times out after the server took the message) between the server accepting a
 * message and SENT being committed, the row is claimed again and the message is sent a second
 * time. That copy carries the same {@code Message-ID}, derived from the row, so clients and
 * servers that de-duplicate by Message-ID show it once; others show it twice. We accept a rare
 * duplicate rather than risk losing a mail.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    static {
        MailStreamProviderPin.pin(); // before the first message is built: see there why
    }

    private final OutboxMessages messages;
    private final JavaMailSender mailSender;
    private final TransactionTemplate transactions;
    private final MailSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** {@code baton.mail.from}, parsed once (a bad value stops the start-up, not every send). */
    private final InternetAddress baton;

    private final String messageIdDomain;

    OutboxDispatcher(
            OutboxMessages messages,
            JavaMailSender mailSender,
            PlatformTransactionManager transactionManager,
            MailSettings settings,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.messages = messages;
        this.mailSender = mailSender;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.clock = clock;
        this.baton = parse(settings.from());
        this.messageIdDomain = baton.getAddress().substring(baton.getAddress().indexOf('@') + 1);
    }

    /**
     * Sends everything that is due, one message per transaction, over one SMTP connection ({@link SmtpConnection});
     * returns how many messages it tried.
     */
    public int dispatch() {
        int total = 0;
        try (SmtpConnection connection = new SmtpConnection(mailSender)) {
            while (Boolean.TRUE.equals(transactions.execute(status -> dispatchOne(connection)))) {
                total++;
            }
        }
        return total;
    }

    private boolean dispatchOne(SmtpConnection connection) {
        List<OutboxMessage> due = messages.claimDue(clock.instant(), 1);
        due.forEach(message -> deliver(message, connection));
        return !due.isEmpty();
    }

    private void deliver(OutboxMessage message, SmtpConnection connection) {
        try {
            connection.send(toMime(message));
            message.sent(clock.instant());
            if (message.getRetriedAt() != null) {
                events.publishEvent(new OutboxEvents.SentAfterRetry(message.getId(), message.getDedupKey()));
            }
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            // recorded, not thrown: a rollback would leave the message due at once, and the loop would spin on it
            if (message.failed(e.toString(), clock.instant(), settings.firstBackoff(), settings.maxAttempts())) {
                // in this transaction: the feature that queued it learns of it if and only if FAILED commits
                events.publishEvent(new OutboxEvents.Failed(
                        message.getId(), message.getDedupKey(), message.getToAddress(), e.toString()));
            }
            log.warn(
                    "Mail {} to {} not sent (attempt {}, now {}): {}",
                    message.getDedupKey(),
                    message.getToAddress(),
                    message.getAttempts(),
                    message.getStatus(),
                    e.toString());
        }
    }

    private MimeMessage toMime(OutboxMessage message) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = mailSender.createMimeMessage();
        boolean withHtml = message.getHtmlBody() != null;
        MimeMessageHelper helper = new MimeMessageHelper(mime, withHtml, "UTF-8");
        if (message.getFromName() == null) {
            helper.setFrom(baton);
        } else {
            // the person's name on Baton's address: a mail server rejects (or a spam filter distrusts) a
            // From in a domain it may not send for; the reply goes to the person all the same
            helper.setFrom(baton.getAddress(), message.getFromName());
            mime.setSender(baton);
        }
        if (message.getReplyTo() != null) {
            helper.setReplyTo(message.getReplyTo());
        }
        helper.setTo(InternetAddress.parse(message.getToAddress()));
        if (message.getCcAddress() != null && !message.getCcAddress().isBlank()) {
            helper.setCc(InternetAddress.parse(message.getCcAddress()));
        }
        helper.setSubject(message.getSubject());
        if (withHtml) {
            helper.setText(message.getTextBody(), message.getHtmlBody());
        } else {
            helper.setText(message.getTextBody());
        }
        // JavaMailSenderImpl keeps an explicitly set Message-ID instead of generating a new one per send
        mime.setHeader("Message-ID", messageId(message));
        return mime;
    }

    /** Stable per row; the creation time keeps ids unique across databases that reuse row ids (the sandbox). */
    String messageId(OutboxMessage message) {
        return "<outbox-" + message.getId() + "." + message.getCreatedAt().toEpochMilli() + "@" + messageIdDomain + ">";
    }

    private static InternetAddress parse(String from) {
        try {
            return new InternetAddress(from);
        } catch (AddressException e) {
            throw new IllegalArgumentException("baton.mail.from is not a mail address: " + from, e);
        }
    }
}
