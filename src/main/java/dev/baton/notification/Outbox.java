package dev.baton.notification;

import dev.baton.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a mail in the caller's transaction, so it is sent if and only if the business change that
 * caused it commits. Callers (services, job workers) may run twice for the same event: the dedup
 * key makes the second enqueue a no-op.
 */
@Service
public class Outbox {

    /** The longest subject kept (outbox_message.subject, characters); a longer one is cut with an ellipsis. */
    static final int SUBJECT_LENGTH = 300;

    /**
     * A mail written for a person rather than by Baton: it shows the person's name (on Baton's own
     * address, which the mail server may send from) and replies go to the person.
     */
    public record Sender(String name, String replyTo) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OutboxMessages messages;

    Outbox(JdbcClient jdbc, Clock clock, OutboxMessages messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * Where the mails with these dedup keys stand: PENDING (queued, maybe retrying), SENT or FAILED (given
     * up: only {@link OutboxStatus#SENT} counts as sent), or WITHDRAWN when that is all there is (a key
     * queued again after a withdrawal reports the new mail). Keys never queued are missing from the map.
     */
    @Transactional(readOnly = true)
    public Map<String, OutboxStatus> statusOf(Collection<String> dedupKeys) {
        if (dedupKeys.isEmpty()) {
            return Map.of();
        }
        return messages.findByDedupKeyIn(dedupKeys).stream()
                .collect(Collectors.toMap(
                        OutboxMessage::getDedupKey,
                        OutboxMessage::getStatus,
                        (a, b) -> a == OutboxStatus.WITHDRAWN ? b : a));
    }

    /**
     * A mail that holds its dedup key: one queued again under it is refused ({@link #enqueue} returns false) while
     * it stands. {@code sentAt} is null while it waits (PENDING) or when sending gave up (FAILED).
     */
    public record Queued(String dedupKey, OutboxStatus status, Instant queuedAt, Instant sentAt) {}

    /**
     * The mails that hold these dedup keys (every one not {@link OutboxStatus#WITHDRAWN}), by key: a key missing
     * from the map was never queued, or only withdrawn, and may be queued now. One query; none for no keys.
     */
    @Transactional(readOnly = true)
    public Map<String, Queued> holding(Collection<String> dedupKeys) {
        if (dedupKeys.isEmpty()) {
            return Map.of();
        }
        return messages.findByDedupKeyIn(dedupKeys).stream()
                .filter(m -> m.getStatus() != OutboxStatus.WITHDRAWN)
                .collect(Collectors.toMap(
                        OutboxMessage::getDedupKey,
                        m -> new Queued(m.getDedupKey(), m.getStatus(), m.getCreatedAt(), m.getSentAt())));
    }

    /**
     * @param dedupKey names the business event, e.g. {@code task-assigned:4711}
     * @param to one address or several, comma-separated
     * @param cc may be null
     * @param htmlBody may be null for a text-only mail
     * @return false when a mail with this key was already queued, sent or failed (nothing changes); a
     *     withdrawn one does not count, as it never went out
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String dedupKey, String to, String cc, String subject, String textBody, String htmlBody) {
        return enqueue(dedupKey, to, cc, null, subject, textBody, htmlBody);
    }

    /** As above, on behalf of {@code sender} (null: from Baton). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(
            String dedupKey, String to, String cc, Sender sender, String subject, String textBody, String htmlBody) {
        // the subject is one line whatever a name held: a line break there would end the header (defence
        // in depth: names and one-line fields are refused with control characters on input); and it fits its
        // column, cut with an ellipsis, whatever length the names in it have (a step or playbook name may be long)
        // "on conflict do nothing" rather than check-then-insert: a concurrent duplicate waits for the
        // first insert and then does nothing, instead of failing (and rolling back) the caller
        int inserted = jdbc.sql("""
                insert into outbox_message (dedup_key, to_address, cc_address, from_name, reply_to, subject, text_body,
                    html_body, status, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
                on conflict (dedup_key) where status <> 'WITHDRAWN' do nothing""")
                .params(
                        dedupKey,
                        to,
                        cc,
                        sender == null ? null : sender.name(),
                        sender == null ? null : sender.replyTo(),
                        Text.firstWords(subject, SUBJECT_LENGTH - 1),
                        textBody,
                        htmlBody,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return inserted == 1;
    }

    /**
     * Withdraws the mails still waiting to go out whose dedup key is one of {@code keys} or starts with
     * one of {@code keyPrefixes} (end a prefix with the key's separator, e.g. {@code "task-assigned:42:"},
     * so that task 42's does not also match task 420's): they become {@link OutboxStatus#WITHDRAWN} and
     * are never sent, and no longer hold their key: a later {@link #enqueue} with it queues a new mail
     * (the caller decides whether its event is still true). For the feature that queued them, when what they announce is withdrawn before
     * they went out. A mail a dispatcher is sending at this moment (its row locked) is skipped, not
     * waited for: it goes out. In the caller's transaction, so the withdrawal commits with the change
     * that caused it.
     *
     * @return how many mails were withdrawn
     * @throws IllegalArgumentException for an empty prefix (it would match every queued mail)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int withdraw(Collection<String> keys, Collection<String> keyPrefixes) {
        if (keys.isEmpty() && keyPrefixes.isEmpty()) {
            return 0;
        }
        return jdbc.sql(withdrawal(keyPrefixes.size()))
                .params(withdrawalParams(keys, keyPrefixes))
                .update();
    }

    /**
     * {@link #withdraw}'s statement for {@code prefixes} prefixes: its parameters are the keys (an array)
     * and each prefix's range (see {@link #withdrawalParams}). A prefix is a range of keys in byte order,
     * read from V52's index of queued mails: a key starting with {@code task-assigned:42:} lies from it up
     * to {@code task-assigned:42;}. One OR arm per prefix, each with its own values, so PostgreSQL plans
     * an index scan for each; read from an array of prefixes the same ranges were a scan of every mail
     * ever queued (EXPLAIN: 6 buffers against 730 at 4,400 mails).
     */
    static String withdrawal(int prefixes) {
        StringBuilder matches = new StringBuilder("dedup_key = any (?::text[])");
        for (int i = 0; i < prefixes; i++) {
            matches.append(" or ((dedup_key collate \"C\") >= ? and (dedup_key collate \"C\") < ?)");
        }
        return "update outbox_message set status = 'WITHDRAWN' where id in (select id from outbox_message"
                + " where status = 'PENDING' and (" + matches + ") for update skip locked)";
    }

    /** {@link #withdrawal}'s parameters: the keys, then each prefix and the first string past it. */
    static Object[] withdrawalParams(Collection<String> keys, Collection<String> keyPrefixes) {
        List<Object> params = new ArrayList<>();
        params.add(keys.toArray(String[]::new));
        for (String prefix : keyPrefixes) {
            params.add(prefix);
            params.add(pastPrefix(prefix));
        }
        return params.toArray();
    }

    /**
     * The first string in byte order (PostgreSQL's "C" collation, UTF-8 keeps code point order) after
     * every string that starts with {@code prefix}: the prefix with its last code point raised by one.
     *
     * @throws IllegalArgumentException for an empty prefix (it would withdraw every queued mail) or one
     *     ending in the last code point (no string follows it)
     */
    static String pastPrefix(String prefix) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("an empty dedup key prefix would withdraw every queued mail");
        }
        int last = prefix.codePointBefore(prefix.length());
        if (last == Character.MAX_CODE_POINT) {
            throw new IllegalArgumentException("a dedup key prefix cannot end in U+10FFFF");
        }
        int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(next);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String dedupKey, String to, String cc, MailComposer.Mail mail) {
        return enqueue(dedupKey, to, cc, null, mail);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String dedupKey, String to, String cc, Sender sender, MailComposer.Mail mail) {
        return enqueue(dedupKey, to, cc, sender, mail.subject(), mail.text(), mail.html());
    }
}
