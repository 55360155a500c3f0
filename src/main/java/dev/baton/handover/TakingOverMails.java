package dev.baton.handover;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which accounts (items) each "You are taking over ..." mail names to its successor, by the mail's
 * outbox dedup key: what {@link HandoverMails} needs to withdraw and rewrite a mail that has not gone
 * out when an amendment takes one of its accounts away. Rows of a withdrawn mail are forgotten, so
 * every key here names a mail that went out or still will; a cancelled handover's are all forgotten.
 * In the caller's transaction.
 */
@Component
class TakingOverMails {

    private final JdbcClient jdbc;

    TakingOverMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The mail {@code dedupKey} names {@code items} to {@code successorId}; again for the same changes nothing. */
    void named(String dedupKey, long successorId, List<HandoverItem> items) {
        jdbc.sql("""
                insert into handover_taking_over_mail (dedup_key, item_id, successor_id)
                select ?, unnest(?::bigint[]), ? on conflict do nothing""")
                .params(dedupKey, items.stream().map(HandoverItem::getId).toArray(Long[]::new), successorId)
                .update();
    }

    /** The keys of the mails that named item {@code itemId} to {@code successorId}; empty when none did. */
    List<String> naming(long itemId, long successorId) {
        return jdbc.sql("select dedup_key from handover_taking_over_mail where item_id = ? and successor_id = ?")
                .params(itemId, successorId)
                .query(String.class)
                .list();
    }

    /** The items the mails {@code dedupKeys} name, each once, in id order. */
    List<Long> itemsNamedBy(Collection<String> dedupKeys) {
        return jdbc.sql("""
                select distinct item_id from handover_taking_over_mail where dedup_key = any (?::text[])
                order by item_id""")
                .param(dedupKeys.toArray(String[]::new))
                .query(Long.class)
                .list();
    }

    /** The mails {@code dedupKeys} were withdrawn: they name nothing to anyone now. */
    void forget(Collection<String> dedupKeys) {
        jdbc.sql("delete from handover_taking_over_mail where dedup_key = any (?::text[])")
                .param(dedupKeys.toArray(String[]::new))
                .update();
    }

    /** A mail (by its dedup key) that names an item to a successor. */
    record Named(String dedupKey, long itemId, long successorId) {}

    /** What the mails of handover {@code handoverId} name, each to whom; read before {@link #forgetHandover}. */
    List<Named> namedIn(long handoverId) {
        return jdbc.sql("""
                select m.dedup_key, m.item_id, m.successor_id from handover_taking_over_mail m
                join handover_item i on i.id = m.item_id where i.handover_id = ? order by m.item_id""")
                .param(handoverId)
                .query((rs, n) -> new Named(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** The handover {@code handoverId} was cancelled: nothing will amend it, so its rows go. */
    void forgetHandover(long handoverId) {
        jdbc.sql("""
                delete from handover_taking_over_mail
                where item_id in (select id from handover_item where handover_id = ?)""").param(handoverId).update();
    }
}
