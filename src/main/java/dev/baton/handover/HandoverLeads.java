package dev.baton.handover;

import dev.baton.audit.AuditLog;
import dev.baton.lead.LeadTransfers;
import dev.baton.people.Person;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The departing person's open leads move with the handover, through the lead feature's own
 * reassignment ({@link LeadTransfers#handOver}): to the book's successor when the plan gives every
 * account to one person, else to whom the lead rules give each lead. Moved when the handover starts
 * (a lead's first-touch SLA cannot wait for the notes) and swept again before its orphan check.
 */
@Component
class HandoverLeads {

    private final LeadTransfers leads;
    private final HandoverItems items;
    private final JdbcClient jdbc;

    HandoverLeads(LeadTransfers leads, HandoverItems items, JdbcClient jdbc) {
        this.leads = leads;
        this.items = items;
        this.jdbc = jdbc;
    }

    /**
     * Moves what the departing person still owns, counts it on the handover and keeps which lead went
     * to whom (for {@link #giveBack}); 0 on a repeat. The moves carry out the handover its manager
     * launched, so the audit trail and each lead's history name them ({@link AuditLog#onBehalfOf}), not
     * {@code system} or Baton, as for the accounts ({@code HandoverSteps.transferOwnership}), though the
     * engine runs them (at the start, and in the orphan check).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int move(Handover h) {
        Person departing = h.getDeparting();
        List<LeadTransfers.Moved> moved = AuditLog.onBehalfOf(
                h.getLaunchedBy(),
                () -> leads.handOver(departing, bookSuccessor(h), departing.getFullName() + "'s handover"));
        for (LeadTransfers.Moved m : moved) {
            jdbc.sql("""
                insert into handover_lead (handover_id, lead_id, successor_id) values (?, ?, ?)
                on conflict (handover_id, lead_id) do update set successor_id = excluded.successor_id""").params(h.getId(), m.lead().id(), m.toId()).update();
        }
        h.leadsMoved(moved.size());
        return moved.size();
    }

    /**
     * After a leave of absence whose ownership returns: each lead this handover moved goes back to
     * the person who was away, if it is still open with the person it went to (see {@link
     * LeadTransfers#giveBack}). Safe to repeat. Audited in the name of whoever the caller works for
     * (the person who decided the book goes back: {@link HandoverClosing#settleLeave}).
     *
     * @return how many leads went back
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int giveBack(Handover h) {
        Person back = h.getDeparting();
        int given = 0;
        for (var row : jdbc.sql(
                        "select lead_id, successor_id from handover_lead where handover_id = ? order by lead_id")
                .param(h.getId())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list()) {
            if (leads.giveBack(row[0], row[1], back, back.getFullName() + "'s return from leave")) {
                given++;
            }
        }
        return given;
    }

    /**
     * The leads this handover moved, as they stand now (with their owner now: {@link
     * LeadTransfers#asTheyStand}), each with the id of the person it went to, in lead id order; none when
     * it moved none.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<MovedLead> moved(Handover h) {
        Map<Long, Long> wentTo = new LinkedHashMap<>();
        jdbc.sql("select lead_id, successor_id from handover_lead where handover_id = ? order by lead_id")
                .param(h.getId())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list()
                .forEach(row -> wentTo.put(row[0], row[1]));
        return wentTo.isEmpty()
                ? List.of()
                : leads.asTheyStand(wentTo.keySet()).stream()
                        .map(l -> new MovedLead(l, wentTo.get(l.id())))
                        .toList();
    }

    /** A lead the handover moved, as it stands now, and the id of the person it moved to. */
    record MovedLead(LeadTransfers.OpenLead lead, long toId) {}

    /** The one person every account goes to; null when the accounts are shared or some are undecided. */
    private Person bookSuccessor(Handover h) {
        List<Person> successors = items.findByHandoverIdOrderById(h.getId()).stream()
                .map(HandoverItem::getSuccessor)
                .toList();
        if (successors.isEmpty() || successors.contains(null)) {
            return null;
        }
        List<Long> ids = successors.stream().map(Person::getId).distinct().toList();
        return ids.size() == 1 ? successors.get(0) : null;
    }
}
