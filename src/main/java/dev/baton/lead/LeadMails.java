package dev.baton.lead;

import dev.baton.notification.MailComposer;
import dev.baton.notification.Outbox;
import dev.baton.people.Person;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The lead mails, queued in the caller's transaction. Dedup keys name the lead and its assignment
 * number, so a job delivered twice queues one mail; times are printed in the recipient's zone.
 */
@Component
class LeadMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm (VV)");

    private final Outbox outbox;
    private final MailComposer composer;

    LeadMails(Outbox outbox, MailComposer composer) {
        this.outbox = outbox;
        this.composer = composer;
    }

    /** To the owner, before the first-touch SLA; false when this assignment's reminder was queued before. */
    boolean reminder(Lead lead, Instant dueAt, ZoneId ownerZone) {
        return send(
                "lead-reminder",
                lead,
                lead.getOwner(),
                null,
                dueAt.atZone(ownerZone).format(WHEN));
    }

    /** To {@code to} (the owner's manager), copying the owner, once the SLA has passed untouched. */
    boolean escalation(Lead lead, Person to) {
        return send("lead-escalation", lead, to, lead.getOwner(), "");
    }

    /**
     * To {@code to}, the owner of the existing account {@code accountId} a lead of someone else's joined
     * as it became a meeting (its person a new contact there, its history on the account's timeline), so
     * that they are not left to find it; false when it was queued before (once per lead).
     */
    boolean joinedAccount(Lead lead, Person to, long accountId, String accountName) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", to.getFullName());
        model.put("leadId", lead.getId());
        model.put("personName", lead.getPersonName());
        model.put("source", lead.getSource());
        model.put("ownerName", lead.getOwner().getFullName());
        model.put("accountId", accountId);
        model.put("accountName", accountName);
        return outbox.enqueue(
                "lead-joined-account:" + lead.getId(),
                to.getEmail(),
                lead.getOwner().getEmail(),
                composer.compose("lead-joined-account", model));
    }

    private boolean send(String template, Lead lead, Person to, Person cc, String dueAt) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", to.getFullName());
        model.put("leadId", lead.getId());
        model.put("personName", lead.getPersonName());
        model.put("company", lead.getCompany());
        model.put("source", lead.getSource());
        model.put("ownerName", lead.getOwner().getFullName());
        model.put("dueAt", dueAt);
        return outbox.enqueue(
                template + ":" + lead.getId() + ":" + lead.getAssignmentCount(),
                to.getEmail(),
                cc == null || cc.getId().equals(to.getId()) ? null : cc.getEmail(),
                composer.compose(template, model));
    }
}
