package dev.baton.commitment;

import dev.baton.audit.AuditLog;
import dev.baton.notification.MailComposer;
import dev.baton.notification.Outbox;
import dev.baton.people.AbsenceService;
import dev.baton.people.CoverToday;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.Team;
import dev.baton.people.TeamService;
import dev.baton.people.TimeZones;
import dev.baton.shared.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The commitment mails, queued in the caller's transaction. Dedup keys name the business event (and
 * the version or due date it happened at), so a job delivered twice queues one mail. Each subject quotes
 * the commitment's first words ({@code words}, {@link Text#firstWords}) before its account's name.
 */
@Component
class CommitmentMails {

    private static final String REMINDER = "commitment-reminder";

    /** How much of the commitment's words a subject quotes: enough to tell two apart, short enough to read. */
    static final int SUBJECT_WORDS = 50;

    private final Outbox outbox;
    private final MailComposer composer;

    private final TimeZones zones;
    private final PeopleLookup people;
    private final AbsenceService absences;
    private final RelationshipHolder holders;
    private final TeamService teams;
    private final CommitmentSettings settings;

    CommitmentMails(
            Outbox outbox,
            MailComposer composer,
            TimeZones zones,
            PeopleLookup people,
            AbsenceService absences,
            RelationshipHolder holders,
            TeamService teams,
            CommitmentSettings settings) {
        this.absences = absences;
        this.holders = holders;
        this.teams = teams;
        this.settings = settings;
        this.zones = zones;
        this.people = people;
        this.outbox = outbox;
        this.composer = composer;
    }

    /**
     * To the new owner, unless they gave it to themselves (nobody needs a mail about what they just
     * did); the version makes each assignment its own event. The mail asks for what the commitment's
     * status awaits (accept or reject, deliver, check with the customer, new terms or withdraw). An
     * owner who is away while the step goes to their cover ({@link AbsenceService#coverToday}, the
     * inbox's own rule) is told who covers it and asked for nothing: the cover's "New task" mail asks. An
     * owner who is away while nobody covering them can take it today keeps the step, and is told so and why.
     *
     * @param event the audit event of the assignment: each assignment is mailed once, and keying it by
     *     the event rather than the commitment's version spares a flush of the whole transaction to learn it
     */
    void assigned(Commitment c, long event) {
        Person owner = c.getOwner();
        if (owner == null || owner.getUsername().equals(AuditLog.currentActor())) {
            return;
        }
        CoverToday cover = CommitmentStatus.AWAITING_DELIVERY.contains(c.getStatus())
                ? absences.coverToday(owner.getUsername())
                : null;
        Map<String, Object> extra = new HashMap<>();
        extra.put("status", c.getStatus().name());
        extra.put("coverName", cover == null ? null : cover.coverName());
        extra.put("uncovered", cover != null && cover.uncovered() ? cover.why() : null);
        // "audit-": the keys before session 31 ended in the commitment's version, a number of another kind
        send("commitment-assigned", c, owner, null, "audit-" + event, extra);
    }

    /**
     * The commitment changed owner: the assignment mails still waiting to go out went to earlier owners
     * (who no longer hold it) or, given to the same owner again, to the new owner (who gets this one
     * instead), so they are withdrawn before the new owner is told. Moved colin, cora, colin within
     * seconds, only colin's last mail goes out; one that went out already stays.
     */
    void reassigned(Commitment c, long event) {
        withdrawAssigned(c);
        assigned(c, event);
    }

    /** The assignment mails about {@code c} still waiting to go out are withdrawn: it has changed hands. */
    void withdrawAssigned(Commitment c) {
        outbox.withdraw(List.of(), List.of(key("commitment-assigned", c)));
    }

    void reminder(Commitment c) {
        send(REMINDER, c, c.getOwner(), null, reminderEvent(c.getOwner().getId(), c.getDueDate()));
    }

    /**
     * The dedup key of the "due soon" reminder of commitment {@code id} to {@code ownerId} for {@code dueDate}
     * ({@link #reminder}): one goes once per owner and due date.
     */
    static String reminderKey(long id, long ownerId, LocalDate dueDate) {
        return key(REMINDER, id) + reminderEvent(ownerId, dueDate);
    }

    private static String reminderEvent(long ownerId, LocalDate dueDate) {
        return ownerId + ":" + dueDate;
    }

    /** To the owner's manager (or whoever the escalation goes to), copying the owner. */
    boolean overdue(Commitment c, Person to) {
        return send("commitment-overdue", c, to, c.getOwner(), c.getDueDate());
    }

    /**
     * Rejected: to whoever speaks for the promise to the customer ({@link RelationshipHolder}: its maker while
     * they can, else whoever holds the account now), who gets its Renegotiate step. Delivered: to them too,
     * copying the owner, for them to know; the verification itself is the verifying team's step, and the mail
     * says so. A mail to someone other than the maker says whose promise it was. Nobody is mailed about what
     * they just did themselves (rob rejecting his own promise is told nothing), and the mail names who did it,
     * not "the delivering team" (a manager may reject for the owner). Once delivery is no longer awaited
     * (rejected, delivered or closed), a "due soon" or overdue mail still waiting to go out is withdrawn; a
     * cancelled commitment's assignment mail too.
     */
    void statusChanged(Commitment c) {
        String actor = AuditLog.currentActor();
        switch (c.getStatus()) {
            case REJECTED -> {
                Person holder = holders.of(c);
                send("commitment-rejected", c, unless(actor, holder), null, c.getVersion(), whoseMade(c, holder));
            }
            case DELIVERED -> {
                Person holder = holders.of(c);
                Map<String, Object> extra = whoseMade(c, holder);
                extra.put(
                        "verifyingTeamName",
                        teams.byKey(settings.verifyingTeam()).map(Team::getName).orElse(settings.verifyingTeam()));
                send(
                        "commitment-delivered",
                        c,
                        unless(actor, holder),
                        unless(actor, c.getOwner()),
                        c.getVersion(),
                        extra);
            }
            default -> {}
        }
        if (!CommitmentStatus.AWAITING_DELIVERY.contains(c.getStatus())) {
            List<String> moot = new ArrayList<>(dueDateMails(c));
            if (c.getStatus() == CommitmentStatus.CANCELLED) {
                moot.add(key("commitment-assigned", c));
            }
            outbox.withdraw(List.of(), moot);
        }
    }

    /** Whose promise it was, for a mail to whoever speaks for it: null when that is the maker themselves. */
    private static Map<String, Object> whoseMade(Commitment c, Person holder) {
        Map<String, Object> extra = new HashMap<>();
        Person maker = c.getMadeBy();
        extra.put("makerName", holder == null || maker.getId().equals(holder.getId()) ? null : maker.getFullName());
        return extra;
    }

    /**
     * A rejected promise came back with new terms (renegotiated with the customer): its owner must
     * accept or reject it again, and the playbook's Accept step sends no "New task" mail of its own
     * ({@code baton:ownAssignmentMail}), so the owner is told here, unless they renegotiated it
     * themselves. The version makes each renegotiation its own event: a step run twice mails once.
     */
    void renegotiated(Commitment c) {
        send("commitment-renegotiated", c, unless(AuditLog.currentActor(), c.getOwner()), null, c.getVersion());
    }

    /** Who is acting now, by full name; "Baton" for the engine's own work (no person). */
    private String actorName() {
        return people.fullNameOf(AuditLog.currentActor()).orElse("Baton");
    }

    /** The person, unless they are the one acting now (or null). */
    private static Person unless(String actor, Person person) {
        return person == null || person.getUsername().equals(actor) ? null : person;
    }

    /**
     * The due date moved (rescheduled, or renegotiated): a "due soon" or overdue mail still waiting to
     * go out names the old date, so it is withdrawn. The process reminds and escalates again for the
     * new date, under that date's own dedup key; a withdrawn mail frees its key, so a date the
     * commitment moves back to is reminded again.
     */
    void dueDateChanged(Commitment c) {
        outbox.withdraw(List.of(), dueDateMails(c));
    }

    /** The key prefixes of the mails about this commitment's due date: "due soon" and overdue. */
    private static List<String> dueDateMails(Commitment c) {
        return dueDateMails(c.getId());
    }

    /**
     * {@link #dueDateChanged}'s mails by the commitment's id, for a change written without the entity (a
     * re-import): the key prefixes of its "due soon" and overdue mails.
     */
    static List<String> dueDateMails(long commitmentId) {
        return List.of(key(REMINDER, commitmentId), key("commitment-overdue", commitmentId));
    }

    /** The start of every dedup key of this template for this commitment (see {@link #send}). */
    private static String key(String template, Commitment c) {
        return key(template, c.getId());
    }

    private static String key(String template, long commitmentId) {
        return template + ":" + commitmentId + ":";
    }

    private boolean send(String template, Commitment c, Person to, Person cc, Object event) {
        return send(template, c, to, cc, event, Map.of());
    }

    /**
     * {@code extra}: the template's own model entries beside the common ones (may hold nulls). Nobody
     * inactive is mailed, whatever the mail: a deactivated person reads no mail here ({@code to} inactive
     * queues nothing, {@code cc} inactive is left off).
     */
    private boolean send(String template, Commitment c, Person to, Person cc, Object event, Map<String, ?> extra) {
        if (to == null || !to.isActive()) {
            return false;
        }
        // ten entries: Map.of's limit
        Map<String, Object> model = new HashMap<>(Map.of(
                "actorName",
                actorName(),
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
                c.getDeliveryEvidence() == null ? "" : c.getDeliveryEvidence()));
        // the subject's own words for this commitment: an owner with two of one account due the same day
        // tells the two mails apart in the inbox (the session 38 review: both read "Reminder: commitment due ...")
        model.put("words", Text.firstWords(c.getDescription(), SUBJECT_WORDS));
        model.putAll(extra);
        return outbox.enqueue(
                key(template, c) + event,
                to.getEmail(),
                cc == null || cc.equals(to) || !cc.isActive() ? null : cc.getEmail(),
                composer.compose(template, model, zones.of(to)));
    }
}
