package dev.baton.commitment;

import dev.baton.notification.MailComposer;
import dev.baton.notification.Outbox;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The commitment mails, queued in the caller's transaction. Dedup keys name the business event (and
 * the version or due date it happened at), so a job delivered twice queues one mail.
 */
@Component
class CommitmentMails {

    private final Outbox outbox;
    private final MailComposer composer;

    private final TimeZones zones;

    CommitmentMails(Outbox outbox, MailComposer composer, TimeZones zones) {
        this.zones = zones;
        this.outbox = outbox;
        this.composer = composer;
    }

    /** To the new owner; the version makes each assignment its own event. */
    void assigned(Commitment c) {
        send("commitment-assigned", c, c.getOwner(), null, c.getVersion());
    }

    void reminder(Commitment c) {
        send("commitment-reminder", c, c.getOwner(), null, c.getOwner().getId() + ":" + c.getDueDate());
    }

    /** To the owner's manager (or whoever the escalation goes to), copying the owner. */
    boolean overdue(Commitment c, Person to) {
        return send("commitment-overdue", c, to, c.getOwner(), c.getDueDate());
    }

    /** Rejected: back to whoever promised it. Delivered: to them too, as they know the customer to verify with. */
    void statusChanged(Commitment c) {
        switch (c.getStatus()) {
            case REJECTED -> send("commitment-rejected", c, c.getMadeBy(), null, c.getVersion());
            case DELIVERED -> send("commitment-delivered", c, c.getMadeBy(), c.getOwner(), c.getVersion());
            default -> {}
        }
    }

    private boolean send(String template, Commitment c, Person to, Person cc, Object event) {
        if (to == null) {
            return false;
        }
        Map<String, Object> model = Map.of(
                "recipientName",
                to.getFullName(),
                "commitmentId",
                c.getId(),
                "description",
                c.getDescription(),
                "accountId",
                c.getAccount().getId(),
                "accountName",
                c.getAccount().getName(),
                "dueDate",
                c.getDueDate(),
                "ownerName",
                c.getOwner() == null ? "nobody" : c.getOwner().getFullName(),
                "reason",
                c.getStatusReason() == null ? "" : c.getStatusReason(),
                "evidence",
                c.getDeliveryEvidence() == null ? "" : c.getDeliveryEvidence());
        return outbox.enqueue(
                template + ":" + c.getId() + ":" + event,
                to.getEmail(),
                cc == null || cc.equals(to) ? null : cc.getEmail(),
                composer.compose(template, model, zones.of(to)));
    }
}
