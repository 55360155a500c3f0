package dev.baton.lead;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditLog;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import dev.baton.shared.Dates;
import dev.baton.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the {@code lead-follow-up} playbook, each one transaction, each safe to run twice
 * (jobs arrive twice): an assignment is numbered ({@code round}), and reminders and escalations of
 * an older assignment, or of a lead already touched or closed, do nothing.
 */
@Service
public class LeadFollowUp {

    /**
     * The lead's current assignment: the owner (and their manager, null when they have none), the
     * assignment's number, and when the reminder, the SLA and the reassignment fall (instants in UTC,
     * counted in the owner's working hours) with the time from now until each (zero when past).
     */
    public record Assignment(
            String ownerUsername,
            String managerUsername,
            int round,
            Instant remindAt,
            Instant dueAt,
            Instant reassignAt,
            Duration remindIn,
            Duration dueIn,
            Duration reassignIn) {}

    /** The outcomes of working a lead, as the forms name them. */
    public static final String CONTACTED = "contacted";

    private final Leads leads;
    private final LeadActivities activities;
    private final LeadAssignment assignment;
    private final LeadConversion conversion;
    private final LeadMails mails;
    private final LeadSettings settings;
    private final TimeZones zones;
    private final PeopleService people;
    private final AuditLog audit;
    private final Dates dates;
    private final Clock clock;

    LeadFollowUp(
            Leads leads,
            LeadActivities activities,
            LeadAssignment assignment,
            LeadConversion conversion,
            LeadMails mails,
            LeadSettings settings,
            TimeZones zones,
            PeopleService people,
            AuditLog audit,
            Dates dates,
            Clock clock) {
        this.leads = leads;
        this.activities = activities;
        this.assignment = assignment;
        this.conversion = conversion;
        this.mails = mails;
        this.settings = settings;
        this.zones = zones;
        this.people = people;
        this.audit = audit;
        this.dates = dates;
        this.clock = clock;
    }

    /**
     * Assignment number {@code round + 1}: the first by territory or round-robin, later ones (the lead
     * lapsed untouched) to the next rep. When that assignment was already made (a repeated job), the
     * same answer again.
     *
     * @param round the assignments the process has seen so far (0 at the start)
     * @param instance the process instance, kept on the lead
     * @throws IllegalStateException when nobody can take the lead (the job fails with this message and
     *     becomes an incident once its retries are used up)
     */
    @Transactional
    public Assignment assign(long leadId, int round, long instance) {
        Lead lead = lead(leadId);
        if (lead.getProcessInstanceKey() == null) {
            lead.startedAs(instance);
        }
        if (lead.getAssignmentCount() <= round && !lead.getStatus().closed()) {
            Person previous = round == 0 ? null : lead.getOwner();
            LeadAssignment.Choice choice = assignment
                    .choose(lead, previous, previous == null ? Set.of() : Set.copyOf(leads.ownersSoFar(leadId)))
                    .orElseThrow(() -> new IllegalStateException("nobody can take lead " + leadId
                            + ": no active rep who is not away owns accounts in its territory or is in the sales teams "
                            + settings.salesTeams() + " (baton.leads.sales-teams)"));
            String who = choice.owner().getFullName() + " (" + choice.how() + ")";
            moveTo(
                    lead,
                    choice.owner(),
                    previous == null
                            ? "Assigned to " + who
                            : "Untouched by " + previous.getFullName() + ": reassigned to " + who,
                    null);
        }
        return current(lead);
    }

    /**
     * The lead's next assignment goes to {@code owner} from now: the process's reminder and escalation
     * count again in the new owner's working hours, the first-touch due time only while it has not
     * passed ({@link Lead#assign}); the move is kept in the lead's history (with {@code summary}) and
     * audited (who held the lead when, for {@link LeadStatistics}). The process learns it at its next
     * assignment step.
     *
     * @param by who moved it, the history entry's author (the audit's actor is the thread's); null for
     *     Baton's own assignment
     */
    void moveTo(Lead lead, Person owner, String summary, Person by) {
        Person previous = lead.getOwner();
        Instant now = clock.instant();
        lead.assign(owner, now, due(lead, owner, now));
        activity(lead, previous == null ? LeadActivity.Kind.ASSIGNED : LeadActivity.Kind.REASSIGNED, summary, by);
        audit.record(
                "lead.assigned",
                "lead",
                lead.getId(),
                null,
                fields("owner", previous == null ? null : previous.getUsername()),
                fields("owner", owner.getUsername(), "round", lead.getAssignmentCount()));
    }

    /** The reminder of assignment {@code round}, unless it is stale (reassigned since, touched or closed). */
    @Transactional
    public void remind(long leadId, int round) {
        Lead lead = lead(leadId);
        if (waitingForTouch(lead, round)) {
            Assignment a = current(lead);
            if (mails.reminder(lead, a.dueAt(), zones.of(lead.getOwner()))) {
                activity(
                        lead,
                        LeadActivity.Kind.REMINDED,
                        // in words in the owner's zone, as the reminder mail says it (probe 45, F8: it read
                        // "2026-12-05T20:01:27.717095Z"); the API keeps the instant as firstTouchDueAt
                        "Reminder to " + lead.getOwner().getFullName() + ": first touch due "
                                + dates.in(zones.of(lead.getOwner())).time(a.dueAt()),
                        null);
            }
        }
    }

    /** At the SLA of assignment {@code round}: the owner's manager is told (the owner copied), unless stale. */
    @Transactional
    public void escalate(long leadId, int round) {
        Lead lead = lead(leadId);
        if (waitingForTouch(lead, round)) {
            Person manager = lead.getOwner().getManager();
            if (mails.escalation(lead, manager == null ? lead.getOwner() : manager)) {
                activity(
                        lead,
                        LeadActivity.Kind.ESCALATED,
                        "First-touch SLA missed by "
                                + lead.getOwner().getFullName() + ": escalated to "
                                + (manager == null ? "nobody (no manager)" : manager.getFullName()),
                        null);
            }
        }
    }

    /**
     * The owner's answer to a lead step, kept before the step completes: the first touch is recorded
     * (the SLA is judged by it); a reason typed with an outcome is kept on the lead and shown on the
     * outcome's history line, one typed with {@link #CONTACTED} on the first touch's line.
     *
     * @param firstTouch whether the answer is to the first-touch step
     * @param outcome {@link #CONTACTED} or an outcome ({@code meeting_booked}, {@code disqualified}, {@code recycled})
     */
    @Transactional
    public void answer(long leadId, boolean firstTouch, String outcome, String reason, String actor) {
        Lead lead = lead(leadId);
        if (lead.getStatus().closed()) {
            throw new IllegalLeadTransition("lead " + leadId + " is already " + lead.getStatus());
        }
        Person by = people.signedIn(actor);
        String typed = LeadService.blankToNull(reason);
        if (firstTouch && lead.getFirstTouchedAt() == null) {
            lead.touch(clock.instant());
            // a note typed with "contacted" is the touch's own: kept on its history line (probe 45, F9:
            // it was thrown away); with an outcome it is the outcome's reason, shown on the outcome's line
            String note = CONTACTED.equals(outcome) && typed != null ? ": " + typed : "";
            activity(lead, LeadActivity.Kind.TOUCHED, "First touch by " + by.getFullName() + note, by);
        }
        if (!CONTACTED.equals(outcome)) {
            lead.keepReason(typed);
        }
    }

    /**
     * Closes the lead with the outcome its owner chose; a meeting booked makes it an account and a
     * contact (or joins the company's account) carrying its history. Repeated: nothing more happens.
     *
     * @param outcome {@code meeting_booked}, {@code disqualified} or {@code recycled}
     */
    @Transactional
    public void recordOutcome(long leadId, String outcome) {
        Lead lead = lead(leadId);
        LeadStatus status = LeadStatus.valueOf(outcome.toUpperCase(Locale.ROOT));
        if (lead.getStatus() == status) {
            return;
        }
        if (lead.getFirstTouchedAt() == null) {
            lead.touch(clock.instant());
        }
        lead.close(status, lead.getOutcomeReason(), clock.instant());
        Person owner = lead.getOwner();
        activity(
                lead,
                LeadActivity.Kind.OUTCOME,
                switch (status) {
                            case MEETING_BOOKED -> "Meeting booked";
                            case DISQUALIFIED -> "Disqualified";
                            default -> "Recycled to marketing";
                        }
                        + (lead.getOutcomeReason() == null ? "" : ": " + lead.getOutcomeReason()),
                owner);
        audit.record("lead.closed", "lead", leadId, null, null, fields("status", status.name()));
        if (status == LeadStatus.MEETING_BOOKED) {
            leads.flush();
            conversion.convert(lead, activities.findByLeadIdOrderByOccurredAtAscIdAsc(leadId));
        }
    }

    private boolean waitingForTouch(Lead lead, int round) {
        return lead.getAssignmentCount() == round
                && lead.getFirstTouchedAt() == null
                && !lead.getStatus().closed()
                && lead.getOwner() != null;
    }

    private Assignment current(Lead lead) {
        Person owner = lead.getOwner();
        Instant from = lead.getAssignedAt();
        ZoneId zone = zones.of(owner);
        WorkingHours hours = settings.workingHours();
        Duration sla = sla(lead);
        Duration before =
                settings.remindBefore().compareTo(sla) < 0 ? sla.minus(settings.remindBefore()) : sla.dividedBy(2);
        Instant remindAt = hours.add(from, before, zone);
        Instant dueAt = hours.add(from, sla, zone);
        Instant reassignAt = hours.add(dueAt, settings.reassignAfter(), zone);
        Instant now = clock.instant();
        return new Assignment(
                owner.getUsername(),
                owner.getManager() == null ? null : owner.getManager().getUsername(),
                lead.getAssignmentCount(),
                remindAt,
                dueAt,
                reassignAt,
                until(now, remindAt),
                until(now, dueAt),
                until(now, reassignAt));
    }

    private Instant due(Lead lead, Person owner, Instant from) {
        return settings.workingHours().add(from, sla(lead), zones.of(owner));
    }

    private Duration sla(Lead lead) {
        return lead.getFirstTouchSla() != null
                ? Duration.parse(lead.getFirstTouchSla())
                : settings.firstTouchFor(lead.getSource());
    }

    private static Duration until(Instant now, Instant at) {
        return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    }

    private void activity(Lead lead, LeadActivity.Kind kind, String summary, Person by) {
        activities.save(new LeadActivity(lead.getId(), kind, summary, by, clock.instant()));
    }

    private Lead lead(long id) {
        return leads.findById(id).orElseThrow(() -> new NotFoundException("lead", id));
    }
}
