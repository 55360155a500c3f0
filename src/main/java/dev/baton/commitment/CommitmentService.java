package dev.baton.commitment;

import static dev.baton.audit.Changes.fields;

import dev.baton.account.Account;
import dev.baton.account.AccountService;
import dev.baton.account.Contact;
import dev.baton.account.ContactReferences;
import dev.baton.account.ContactService;
import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditLog;
import dev.baton.audit.Changes;
import dev.baton.people.OwnedWork;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.Team;
import dev.baton.people.TeamService;
import dev.baton.people.TimeZones;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.NotFoundException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Commitments: recording them, the register's filters, and their guarded life (rules on the entity). */
@Service
@Order(2)
public class CommitmentService implements OwnedWork, ContactReferences {

    /** Ids per statement where a caller may pass many (a handover's whole book). */
    private static final int ID_CHUNK = 1000;

    private final Commitments commitments;
    private final AccountService accounts;
    private final ContactService contacts;
    private final PeopleService people;
    private final TeamService teams;
    private final AuditLog audit;
    private final CommitmentMails mails;
    private final ApplicationEventPublisher events;
    private final TimeZones zones;
    private final RegisterQuery register;

    CommitmentService(
            Commitments commitments,
            AccountService accounts,
            ContactService contacts,
            PeopleService people,
            TeamService teams,
            AuditLog audit,
            CommitmentMails mails,
            ApplicationEventPublisher events,
            TimeZones zones,
            RegisterQuery register) {
        this.commitments = commitments;
        this.accounts = accounts;
        this.contacts = contacts;
        this.people = people;
        this.teams = teams;
        this.audit = audit;
        this.mails = mails;
        this.events = events;
        this.zones = zones;
        this.register = register;
    }

    /**
     * The register's page (one SQL query, see {@link RegisterQuery}) with its total. No transaction of
     * its own: its statements (today in each zone in use, the inactive people for "unowned", the page with
     * its count) each read what is committed, as they would in a read-committed transaction, without the
     * transaction's begin, commit and entity manager on every call (README, "Benchmarks: the commitment
     * register").
     *
     * @throws IllegalArgumentException for a sort by anything but dueDate, status, createdAt, id
     */
    public Page<CommitmentView> find(CommitmentFilter filter, Pageable pageable) {
        return register.find(filter, todays(filter), inactive(filter), pageable, this::todayIn);
    }

    /** Ids of the people who left, when the filter needs them ("unowned"); else none (no query). */
    List<Long> inactive(CommitmentFilter filter) {
        return filter.unowned() ? people.inactiveIds() : List.of();
    }

    /** Today in an owner's zone (an IANA id), or in the company's for null. */
    LocalDate todayIn(String zone) {
        return zones.today(zone == null ? zones.company() : ZoneId.of(zone));
    }

    /** Today in every zone in use (a query): only the overdue filter reads it. */
    private TimeZones.Todays todays(CommitmentFilter filter) {
        return filter.overdue() ? zones.todays() : TimeZones.Todays.of(zones.company(), zones.today(zones.company()));
    }

    /** The commitment as shown, overdue judged in its owner's zone. */
    CommitmentView view(Commitment c) {
        return CommitmentView.from(c, zones);
    }

    @Transactional(readOnly = true)
    public CommitmentView get(Long id) {
        return view(commitment(id));
    }

    /** Overdue commitments per account, for lists; accounts with none map to nothing. */
    @Transactional(readOnly = true)
    public Map<Long, Long> overdueCounts(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        TimeZones.Todays todays = zones.todays();
        return commitments
                .findDueBeforeByAccount(accountIds, CommitmentStatus.AWAITING_DELIVERY, todays.latest())
                .stream()
                .filter(row -> ((LocalDate) row[1]).isBefore(todays.in((String) row[2])))
                .collect(Collectors.groupingBy(row -> (Long) row[0], Collectors.counting()));
    }

    /**
     * Records a promise made by {@code username} (its maker), audits it, mails its owner if any, and
     * announces it so its process starts.
     *
     * @throws BadRequestException at {@code dueDate} for a day already ended where the owner is (the
     *     company's zone while nobody owns it: {@link #requireDueDateOpen}, the reschedule's rule), or at
     *     the field naming an unknown account, contact, owner or team
     */
    @Transactional
    public CommitmentView create(NewCommitment n, String username) {
        Account account = accounts.referenced(n.accountId(), "accountId");
        Contact contact = n.contactId() == null ? null : contacts.referenced(n.contactId(), account, "contactId");
        Person owner = n.ownerId() == null ? null : people.newOwner(n.ownerId(), "ownerId", "a commitment");
        Team team = n.deliveringTeamId() == null ? null : teams.referenced(n.deliveringTeamId(), "deliveringTeamId");
        Person madeBy = people.signedIn(username);
        requireDueDateOpen(n.dueDate(), owner, "dueDate");
        Commitment commitment = commitments.save(
                new Commitment(account, contact, n.description().trim(), madeBy, owner, team, n.dueDate()));
        AuditEvent created = audit.record(
                "commitment.created",
                "commitment",
                commitment.getId(),
                account.getId(),
                null,
                fields(
                        "description",
                        commitment.getDescription(),
                        "owner",
                        owner == null ? null : owner.getUsername(),
                        "dueDate",
                        n.dueDate().toString(),
                        "status",
                        commitment.getStatus().name()));
        if (owner != null) {
            mails.assigned(commitment, created.getId());
        }
        events.publishEvent(new CommitmentEvents.Recorded(commitment.getId(), account.getId()));
        return view(commitment);
    }

    @Transactional
    public CommitmentView accept(Long id, Long version) {
        return apply(id, version, "accepted", Commitment::accept, true);
    }

    @Transactional
    public CommitmentView reject(Long id, String reason, Long version) {
        return apply(id, version, "rejected", c -> c.reject(reason), true);
    }

    @Transactional
    public CommitmentView deliver(Long id, String evidence, Long version) {
        return apply(id, version, "delivered", c -> c.deliver(evidence), true);
    }

    @Transactional
    public CommitmentView verify(Long id, Long version) {
        return apply(id, version, "verified", Commitment::verify, true);
    }

    @Transactional
    public CommitmentView reopen(Long id, String reason, Long version) {
        return apply(id, version, "reopened", c -> c.reopen(reason), true);
    }

    @Transactional
    public CommitmentView cancel(Long id, String reason, Long version) {
        return apply(id, version, "cancelled", c -> c.cancel(reason), true);
    }

    /**
     * Moves a proposed or accepted commitment to a new due date agreed with the customer ({@code POST
     * /api/commitments/{id}/reschedule}, the commitment's page): checked against {@code version}
     * ({@code ConflictException} when it moved on; null skips the check), audited with the dates before
     * and after and the reason, the mails waiting for the old date withdrawn, and its process told, so
     * the reminder and overdue timers are armed again for the new date. Who may is {@link
     * CommitmentAccess#requireMayReschedule}.
     *
     * @param dueDate the new due date: today or later where the commitment's due date is judged ({@link
     *     #dueZone}), and not the current one
     * @param reason why, as the customer agreed it (required by the caller)
     * @throws BadRequestException at {@code dueDate} for a day already ended there, or the current due date
     * @throws IllegalCommitmentTransition (409) unless it is proposed or accepted
     * @throws NotFoundException for an unknown commitment
     */
    @Transactional
    public CommitmentView reschedule(Long id, LocalDate dueDate, String reason, Long version) {
        Commitment commitment = commitment(id);
        requireDueDateOpen(dueDate, commitment.getOwner(), "dueDate");
        if (dueDate.equals(commitment.getDueDate())) {
            throw new BadRequestException("dueDate", "is the due date already");
        }
        return apply(id, version, "rescheduled", c -> c.reschedule(dueDate), reason, true);
    }

    /**
     * Where a commitment's due date is judged: its owner's zone, the company's while nobody owns it (or the
     * owner has no zone of their own): {@link TimeZones#of}, the rule the register's and the report's
     * overdue ({@link RegisterQuery}, {@link CommitmentStatistics}) and {@link CommitmentView#overdue} apply
     * in SQL and Java. Due on 27 March means late once 27 March has ended there, and a new due date may be
     * that day until then. Never the maker's zone: an unowned promise made in Los Angeles, judged there by
     * its process but in Europe by the register, was overdue in one and not the other (session 44 probe).
     */
    ZoneId dueZone(Commitment c) {
        return zones.of(c.getOwner());
    }

    /**
     * The one rule for a due date a person gives a commitment (recording it, rescheduling it, renegotiating
     * it in its step): today or later where it is judged ({@link #dueZone}: the owner's zone, the company's
     * for none). A day already ended there would make the promise overdue the moment it is made, and its
     * owner and their manager mailed at once (the session 44 probe: a promise for cora in Sydney, due
     * "today" in UTC, was escalated within a second). Someone in Los Angeles may still choose a day that has
     * already ended in Europe.
     *
     * @param owner the commitment's owner (to be), or null for none
     * @throws BadRequestException at {@code field} for a day already ended where the owner is ("... where
     *     the owner is"), or for no owner in the company's zone ("... in the company's time zone")
     */
    void requireDueDateOpen(LocalDate dueDate, Person owner, String field) {
        if (dueDate.isBefore(zones.today(zones.of(owner)))) {
            throw new BadRequestException(
                    field,
                    owner == null
                            ? "must be today or later in the company's time zone"
                            : "must be today or later where the owner is");
        }
    }

    @Transactional
    public CommitmentView breach(Long id, String reason, Long version) {
        return apply(id, version, "breached", c -> c.breach(reason), true);
    }

    /**
     * Gives the commitment a new owner: checked against {@code version} ({@code ConflictException}
     * when it moved on; {@code null} skips the check), audited, the new owner mailed, and the running
     * process told, which follows the new owner. Throws {@link NotFoundException} for an unknown
     * commitment and {@link BadRequestException} at {@code ownerId} for someone who may not own one.
     */
    @Transactional
    public CommitmentView reassign(Long id, Long ownerId, Long version) {
        return reassign(id, ownerId, version, true);
    }

    /**
     * {@link #reassign(Long, Long, Long)} for a caller that needs no answer: a handover moving a
     * departing rep's book, one commitment after another. Building the answer would read the
     * commitment's maker and team for nothing.
     *
     * @param stepMoved whether the caller moved the commitment's waiting step to the new owner in the
     *     inbox itself, which it may only do where {@link #ownerStepCanMove} allows: then the process is
     *     not told, as nothing it holds changed. Else it is told, and withdraws the step and opens it
     *     again for the new owner.
     * @param ownerToldOfTheBook whether the caller told the new owner of the whole book in one mail (a
     *     handover's "You are taking over" mail, which says their commitments come with the accounts):
     *     then no "Commitment assigned to you" mail goes per commitment, which for a book of a thousand
     *     accounts was a thousand mails to one person. An assignment mail still waiting to go out to an
     *     earlier owner is withdrawn either way.
     */
    @Transactional
    public void handOver(Long id, Long ownerId, Long version, boolean stepMoved, boolean ownerToldOfTheBook) {
        reassignEntity(id, ownerId, version, !stepMoved, true, !ownerToldOfTheBook);
    }

    /**
     * Whether the commitment's waiting step may simply change hands when {@code to} takes it over, as an
     * account's other tasks do in a handover, instead of its process withdrawing it and opening it again
     * (a message, a new read of the commitment, a new step: most of what a handover did per commitment).
     * Only for a step the owner acts on, accept or deliver, whose assignee the process takes from the
     * owner it reads before every later step; only when the due date is judged in the same zone for
     * both (the step's due time and its reminder and overdue timers stay right); and only while the due
     * day has not ended there, so the process cannot be waiting at the overdue decision instead, which
     * is its owner's manager's step.
     *
     * @param c an open commitment of its current owner, who is handing it over
     * @param to the new owner
     */
    public boolean ownerStepCanMove(Commitment c, Person to) {
        CommitmentStage stage = c.stage();
        if (stage != CommitmentStage.ACCEPT && stage != CommitmentStage.DELIVER) {
            return false;
        }
        ZoneId zone = dueZone(c);
        return zone.equals(zones.of(to)) && !c.getDueDate().isBefore(zones.today(zone));
    }

    CommitmentView reassign(Long id, Long ownerId, Long version, boolean announce) {
        return view(reassignEntity(id, ownerId, version, announce, false, true));
    }

    /**
     * {@code handingOver}: a book moving (to a successor or back), which may go to someone leaving later
     * and wants no view of the commitment back (so nothing is flushed for its new version). {@code
     * mailOwner}: whether the new owner gets this commitment's own "assigned" mail.
     */
    private Commitment reassignEntity(
            Long id, Long ownerId, Long version, boolean announce, boolean handingOver, boolean mailOwner) {
        Commitment commitment = commitment(id);
        Changes.requireVersion(version, commitment.getVersion(), "commitment " + id);
        Person owner = handingOver
                ? people.activeOwner(ownerId, "ownerId", "a commitment")
                : people.newOwner(ownerId, "ownerId", "a commitment");
        String before =
                commitment.getOwner() == null ? null : commitment.getOwner().getUsername();
        commitment.assignTo(owner);
        if (!handingOver) {
            // the answer carries the new version a client sends back; a book moving wants no answer, and
            // flushing here would check every entity the handover's transaction holds once more
            commitments.flush();
        }
        AuditEvent reassigned = audit.record(
                "commitment.reassigned",
                "commitment",
                id,
                commitment.getAccount().getId(),
                fields("owner", before),
                fields("owner", owner.getUsername()));
        if (mailOwner) {
            mails.reassigned(commitment, reassigned.getId());
        } else {
            mails.withdrawAssigned(commitment);
        }
        announce(commitment, announce);
        return commitment;
    }

    /** The person's open commitments (entities, for other features' reads), nearest due date first. */
    @Transactional(readOnly = true)
    public List<Commitment> openOwnedBy(Person owner) {
        return commitments.findByOwnerAndStatusInOrderByDueDate(owner, CommitmentStatus.OPEN);
    }

    /** The person's open commitments on one account, by id. */
    @Transactional(readOnly = true)
    public List<Commitment> openOwnedBy(Person owner, Long accountId) {
        return commitments.findOpenByOwnerAndAccountId(owner, accountId);
    }

    /**
     * The account's open commitments ({@link CommitmentStatus#OPEN}) as the customer was promised them,
     * whoever owns them, nearest due date first: values read in one query, not entities, for a caller
     * that only words them (nothing joins its persistence context to be checked at its commit). Empty
     * for an account with none, or an unknown one.
     */
    @Transactional(readOnly = true)
    public List<OpenPromise> openPromisesOf(Long accountId) {
        return commitments.findPromisesByAccountId(accountId);
    }

    /** The account's open commitments, whoever owns them, nearest due date first. */
    @Transactional(readOnly = true)
    public List<Commitment> openOf(Long accountId) {
        return commitments.findOpenByAccountId(accountId);
    }

    /**
     * How many open commitments ({@link CommitmentStatus#OPEN}) {@code owner} has on each account, in one
     * query: account id to count, accounts with none of theirs left out. Empty for no ids. Others' open
     * commitments on the same accounts (customer success's, say) are not counted: a handover moves only
     * its departing person's ({@code BookTransfer}), and a count of everyone's told a successor that
     * promises others deliver were becoming theirs (found by the session 40 probe: 9 where 2 moved).
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> openCountsOwnedBy(Person owner, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        List<Long> ids = List.copyOf(accountIds);
        for (int from = 0; from < ids.size(); from += ID_CHUNK) { // a statement's parameters are bounded
            commitments
                    .countOpenByOwnerAndAccount(owner, ids.subList(from, Math.min(ids.size(), from + ID_CHUNK)))
                    .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        }
        return counts;
    }

    /**
     * Before two contacts are merged ({@link ContactService#merge}, which checks and audits the merge): the
     * duplicate's commitments are the survivor's from now on. Each moved commitment is audited as
     * {@code commitment.contact_changed}. Returns how many moved.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int moveContact(long fromContactId, long toContactId) {
        List<Long> moved = commitments.idsByContact(fromContactId);
        commitments.moveContact(fromContactId, toContactId);
        for (Long id : moved) {
            Commitment commitment = commitment(id);
            audit.record(
                    "commitment.contact_changed",
                    "commitment",
                    id,
                    commitment.getAccount().getId(),
                    fields("contactId", fromContactId),
                    fields("contactId", toContactId));
        }
        return moved.size();
    }

    @Override
    public long countOwnedBy(Person person) {
        return commitments.countByOwnerIdAndStatusIn(person.getId(), CommitmentStatus.OPEN);
    }

    /** Those among {@code people} who own at least one open commitment ({@link #countOwnedBy}), by id, in one query. */
    @Transactional(readOnly = true)
    public Set<Long> ownersWithOpenAmong(Collection<Person> people) {
        return people.isEmpty()
                ? Set.of()
                : Set.copyOf(commitments.findOwnerIdsWithOpenAmong(
                        people.stream().map(Person::getId).toList()));
    }

    @Override
    public String noun() {
        return "open commitments";
    }

    /**
     * One status change: guarded by the entity, flushed so the answer carries the new version, audited
     * (status, reason and evidence; the description and due date before and after for a renegotiation,
     * or where the change moved them), and mailed where someone must act; mails about a due date it
     * moved away from are withdrawn. {@code announce}: made outside the commitment's process, which
     * must then re-read it ({@link CommitmentEvents.Changed}); the process's own steps do not announce.
     */
    CommitmentView apply(Long id, Long version, String action, Consumer<Commitment> transition, boolean announce) {
        return apply(id, version, action, transition, null, announce);
    }

    /**
     * As {@link #apply(Long, Long, String, Consumer, boolean)}, with the reason the change was given with
     * when the commitment does not keep it as its status reason (a reschedule's: the status did not
     * change); the audit records it, and so the history tells it.
     */
    CommitmentView apply(
            Long id, Long version, String action, Consumer<Commitment> transition, String given, boolean announce) {
        Commitment commitment = commitment(id);
        Changes.requireVersion(version, commitment.getVersion(), "commitment " + id);
        CommitmentStatus before = commitment.getStatus();
        LocalDate dueBefore = commitment.getDueDate();
        String descriptionBefore = commitment.getDescription();
        transition.accept(commitment);
        commitments.flush();
        Map<String, Object> was = fields("status", before.name());
        Map<String, Object> is = fields(
                "status",
                commitment.getStatus().name(),
                "reason",
                given != null ? given : commitment.getStatusReason(),
                "evidence",
                commitment.getDeliveryEvidence());
        // the terms, what was promised and by when: always for a renegotiation (new terms agreed with the
        // customer, even if one of them stayed), else where the change moved them (a reschedule)
        boolean newTerms = "renegotiated".equals(action);
        if (newTerms || !commitment.getDescription().equals(descriptionBefore)) {
            was.put("description", descriptionBefore);
            is.put("description", commitment.getDescription());
        }
        if (newTerms || !commitment.getDueDate().equals(dueBefore)) {
            was.put("dueDate", dueBefore.toString());
            is.put("dueDate", commitment.getDueDate().toString());
        }
        audit.record(
                "commitment." + action,
                "commitment",
                id,
                commitment.getAccount().getId(),
                was,
                is);
        if (commitment.getStatus() != before) {
            mails.statusChanged(commitment);
        }
        if (newTerms) {
            mails.renegotiated(commitment);
        }
        if (!commitment.getDueDate().equals(dueBefore)) {
            mails.dueDateChanged(commitment);
        }
        announce(commitment, announce);
        return view(commitment);
    }

    private void announce(Commitment c, boolean announce) {
        if (announce) {
            String signalId = "commitment-changed:" + c.getId() + ":" + UUID.randomUUID();
            // stored with the change by the event publication registry: a message lost after the commit is sent again
            events.publishEvent(new CommitmentEvents.Changed(
                    c.getId(),
                    c.getStatus(),
                    c.getOwner() == null ? null : c.getOwner().getUsername(),
                    signalId));
        }
    }

    private Commitment commitment(Long id) {
        return commitments.findById(id).orElseThrow(() -> new NotFoundException("commitment", id));
    }
}
