package dev.baton.audit;

import dev.baton.shared.StatusWords;
import java.util.Map;

/**
 * The one table of audit actions in words, for people reading the raw trail: {@code handover.launched}
 * reads "Handover launched". An action the table does not know (one added since, or an older one) reads
 * as its code in words ("renewal.reminded" → "Renewal reminded"), never as the bare code. The code
 * itself stays what the trail stores, filters by and the API answers; the account's timeline tells the
 * same events as sentences of its own.
 */
public final class AuditActions {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("absence.recorded", "Absence recorded"),
            Map.entry("absence.withdrawn", "Absence withdrawn"),
            Map.entry("absence.cover-changed", "Absence given another cover"),
            Map.entry("account.created", "Account created"),
            Map.entry("account.updated", "Account details changed"),
            Map.entry("account.transferred", "Account given a new owner"),
            Map.entry("account.handed-to-cs", "Account handed to customer success"),
            Map.entry("account.handoff-started", "Sales-to-CS handoff started"),
            Map.entry("account.renewed", "Account renewed"),
            Map.entry("account.churned", "Account churned"),
            Map.entry("account.imported", "Account imported"),
            Map.entry("account.import-updated", "Account changed by an import"),
            Map.entry("account.records-imported", "Records imported to the account"),
            Map.entry("playbook.launched", "Playbook launched"),
            Map.entry("contact.created", "Contact added"),
            Map.entry("contact.updated", "Contact changed"),
            Map.entry("contact.verified", "Contact verified"),
            Map.entry("contact.retired", "Contact left the company"),
            Map.entry("contact.merged", "Contacts merged"),
            Map.entry("interaction.logged", "Interaction logged"),
            Map.entry("interaction.reworded", "Interaction reworded"),
            Map.entry("interaction.removed", "Interaction removed"),
            Map.entry("commitment.created", "Commitment recorded"),
            Map.entry("commitment.accepted", "Commitment accepted"),
            Map.entry("commitment.rejected", "Commitment rejected"),
            Map.entry("commitment.renegotiated", "Commitment renegotiated"),
            Map.entry("commitment.rescheduled", "Commitment rescheduled"),
            Map.entry("commitment.reassigned", "Commitment given a new owner"),
            Map.entry("commitment.contact_changed", "Commitment's contact changed"),
            Map.entry("commitment.delivered", "Commitment delivered"),
            Map.entry("commitment.verified", "Commitment verified with the customer"),
            Map.entry("commitment.reopened", "Commitment reopened"),
            Map.entry("commitment.breached", "Commitment breached"),
            Map.entry("commitment.cancelled", "Commitment canceled"),
            Map.entry("commitment.escalated", "Overdue commitment escalated"),
            Map.entry("handover.launched", "Handover launched"),
            Map.entry("handover.started", "Handover started"),
            Map.entry("handover.successor-chosen", "Successor chosen"),
            Map.entry("handover.successor-changed", "Successor changed"),
            Map.entry("handover.note-written", "Handover note written"),
            Map.entry("handover.acknowledged", "Handover note acknowledged"),
            Map.entry("handover.question-asked", "Question about the handover asked"),
            Map.entry("handover.question-answered", "Question about the handover answered"),
            Map.entry("handover.ownership-transferred", "Account handed over"),
            Map.entry("handover.transfer-failed", "Account move failed"),
            Map.entry("handover.transfer-retried", "Account move retried"),
            Map.entry("handover.introduction-sent", "Introduction mail queued"),
            Map.entry("handover.introduction-sent-again", "Introduction mail sent again"),
            Map.entry("handover.introduction-failed", "Introduction mail not delivered"),
            Map.entry("handover.introduction-skipped", "Introduction mail skipped: no contact"),
            Map.entry("handover.introduction-opted-out", "Introduction mail left out: customer opted out"),
            Map.entry("handover.intro-call-held", "Introduction call held"),
            Map.entry("handover.intro-call-escalated", "Late introduction call escalated"),
            Map.entry("handover.leave-settled", "Accounts settled at the end of a leave"),
            Map.entry("handover.completed", "Handover completed"),
            Map.entry("handover.cancelled", "Handover canceled"),
            Map.entry("handover.cancelled-after-move", "Handover canceled after the account moved"),
            Map.entry("lead.created", "Lead created"),
            Map.entry("lead.assigned", "Lead assigned"),
            Map.entry("lead.converted", "Lead converted"),
            Map.entry("lead.closed", "Lead closed"),
            Map.entry("renewal.opened", "Renewal opened"),
            Map.entry("renewal.held", "Renewal held for open commitments"),
            Map.entry("renewal.late", "Renewal step late"),
            Map.entry("renewal.escalated", "Late renewal step escalated"),
            Map.entry("renewal.decided", "Renewal decided"),
            Map.entry("task.assigned", "Task assigned"),
            Map.entry("task.claimed", "Task claimed"),
            Map.entry("task.unclaimed", "Task unclaimed"),
            Map.entry("task.released", "Task released"),
            Map.entry("task.unassigned", "Task unassigned"),
            Map.entry("task.sent-to-unassigned", "Task sent to unassigned work: its teams have no active member"),
            Map.entry("task.offered-again", "Task offered to its team again"),
            Map.entry("task.delegated", "Task delegated"),
            Map.entry("task.reassigned", "Task reassigned"),
            Map.entry("task.reminded", "Task reminder sent"),
            Map.entry("task.escalated", "Overdue task escalated"),
            Map.entry("task.overdue-unescalated", "Overdue task, nobody to escalate to"),
            Map.entry("task.completed", "Task completed"),
            Map.entry("task.completion-confirmed", "Task completion confirmed"),
            Map.entry("task.completion-refused", "Task completion refused"),
            Map.entry("task.canceled", "Task canceled"),
            Map.entry("playbook.instance-canceled", "Playbook run canceled"),
            Map.entry("playbook.instance-migrated", "Playbook run moved to a new version"),
            Map.entry("person.created", "Person added"),
            Map.entry("person.updated", "Person changed"),
            Map.entry("person.deactivated", "Person deactivated"),
            Map.entry("person.password-changed", "Password changed"),
            Map.entry("mail-preferences.changed", "Mail preferences changed"),
            Map.entry("team.created", "Team created"),
            Map.entry("team.renamed", "Team renamed"),
            Map.entry("mail.retried", "Failed mail sent again"),
            Map.entry("import.completed", "Import completed"));

    private AuditActions() {}

    /**
     * The action in words.
     *
     * @param action an audit event's action code ({@code handover.launched}); any code, or null
     * @return its label from the table; for a code it does not know, the code in words, capitalised
     *     ("lead.re-scored" and "LEAD_RE_SCORED" read "Lead re scored"); "" for null or blank
     */
    public static String label(String action) {
        if (action == null || action.isBlank()) {
            return "";
        }
        String known = LABELS.get(action);
        if (known != null) {
            return known;
        }
        String phrase = StatusWords.phrase(action.strip().replace('.', ' ')).replaceAll("\\s+", " ");
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}
