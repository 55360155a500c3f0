package dev.baton.commitment;

import static dev.baton.audit.Changes.fields;

import dev.baton.account.Account;
import dev.baton.account.AccountService;
import dev.baton.account.InteractionKind;
import dev.baton.account.InteractionService;
import dev.baton.account.NewInteraction;
import dev.baton.audit.AuditLog;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.ReportingLines;
import dev.baton.people.TeamService;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.Dates;
import dev.baton.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The sales-to-customer-success handoff's steps: which commitments it waits for, and the account's new owner. */
@Service
public class SalesHandoff {

    /** Made during the sale and not yet finished: the handoff waits until each is accepted (or cancelled). */
    static final Set<CommitmentStatus> HANDED_OVER = EnumSet.of(
            CommitmentStatus.PROPOSED,
            CommitmentStatus.REJECTED,
            CommitmentStatus.ACCEPTED,
            CommitmentStatus.DELIVERED);

    /**
     * The variable naming who answered the kickoff step, which names the CS owner ({@link
     * HandoffTaskAnswers}); the hand-over to CS is audited in their name.
     */
    public static final String CS_OWNER_CHOSEN_BY = "csOwnerChosenBy";

    /** The kickoff's answer naming the CS owner (a user name), checked by {@link #requireMayHandTo}. */
    public static final String CS_OWNER_USERNAME = "csOwnerUsername";

    static final Set<CommitmentStatus> AWAITING_ACCEPTANCE =
            EnumSet.of(CommitmentStatus.PROPOSED, CommitmentStatus.REJECTED);

    private final Commitments commitments;
    private final AccountService accounts;
    private final PeopleService people;
    private final AuditLog audit;
    private final HandoffProcess process;
    private final CommitmentSettings settings;
    private final JdbcClient jdbc;
    private final ReportingLines lines;
    private final TeamService teams;
    private final InteractionService interactions;
    private final TransactionTemplate tx;
    private final Dates dates;

    /** Longer than any engine call: a claim this old without its instance was left by a dead start. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    SalesHandoff(
            Commitments commitments,
            AccountService accounts,
            PeopleService people,
            AuditLog audit,
            HandoffProcess process,
            CommitmentSettings settings,
            JdbcClient jdbc,
            ReportingLines lines,
            TeamService teams,
            InteractionService interactions,
            TransactionTemplate tx,
            Dates dates) {
        this.dates = dates;
        this.interactions = interactions;
        this.tx = tx;
        this.jdbc = jdbc;
        this.lines = lines;
        this.teams = teams;
        this.commitments = commitments;
        this.accounts = accounts;
        this.people = people;
        this.audit = audit;
        this.process = process;
        this.settings = settings;
    }

    /**
     * Starts the handoff of a won deal's account: its owner lists the sale's commitments, each
     * delivering team accepts them, customer success (the verifying team) holds the kickoff. The
     * account's running-handoff row is claimed and committed before the engine is called, so no row
     * lock is held during the call; when the call fails the claim is released, and a claim whose
     * start never got its instance (Baton died during the call) counts as abandoned after {@link
     * #ABANDONED_AFTER}. A start is on the account's timeline ({@code account.handoff-started}, by whoever
     * started it), recorded with the instance's key: the timeline left it out (found by the session 40 probe).
     * One handoff of an account at a time, and another once the previous one ended (a new deal won since):
     * the one rule of this method and of the account page's button ({@link #latestOf}), which until session 41
     * offered no second handoff after one had ended while the API started it.
     *
     * @return the process instance's key
     * @throws BadRequestException (field {@code accountId}) when the account is unknown or has no owner
     * @throws ConflictException when a handoff of the account is running (started and not yet handed to CS),
     *     or a running handover is still to move the account ({@link AccountService#requireNoHandoverToMove},
     *     the owner change's words): the handoff's last step would move it too, and fail there after people
     *     had done its steps (found by the session 35 probe)
     * @throws dev.baton.shared.EngineUnavailableException when the engine could not be reached (the claim is
     *     released, so the start may be tried again)
     */
    public long start(long accountId) {
        String rep = rep(accountId);
        accounts.requireNoHandoverToMove(accountId);
        // each statement commits on its own: two concurrent starts meet at the unique index
        jdbc.sql("""
            delete from sales_handoff where account_id = ? and ended_at is null
            and process_instance_key is null and started_at < now() - make_interval(secs => ?)""").params(accountId, ABANDONED_AFTER.toSeconds()).update();
        int claimed = jdbc.sql("""
            insert into sales_handoff (account_id) values (?)
            on conflict (account_id) where ended_at is null do nothing""").param(accountId).update();
        if (claimed == 0) {
            throw new ConflictException(
                    "a sales-to-CS handoff of " + accounts.get(accountId).name()
                            + " is already running"
                            + latestOf(accountId)
                                    .filter(Standing::running)
                                    .map(running -> " (since " + dates.day(running.startedAt()) + ")")
                                    .orElse("")
                            + ": another can start once customer success has taken the account over");
        }
        long key;
        try {
            key = process.start(accountId, rep, settings.verifyingTeam());
        } catch (RuntimeException notStarted) {
            jdbc.sql(
                            "delete from sales_handoff where account_id = ? and ended_at is null and process_instance_key is null")
                    .param(accountId)
                    .update();
            throw notStarted;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("update sales_handoff set process_instance_key = ? where account_id = ? and ended_at is null")
                    .params(key, accountId)
                    .update();
            audit.record("account.handoff-started", "account", accountId, accountId, null, fields("rep", rep));
        });
        return key;
    }

    /**
     * Where the account's latest sales-to-CS handoff stands, for its page: it offers a start while none
     * runs ({@link #start}'s rule: none ran, or the latest ended), and says since when one runs (found by the
     * session 40 probe: it offered a second start while one ran). A start abandoned by a dead Baton ({@link
     * #ABANDONED_AFTER}) does not count.
     *
     * @param startedAt when it started
     * @param endedAt when customer success took the account over; null while it runs
     */
    public record Standing(Instant startedAt, Instant endedAt) {

        public boolean running() {
            return endedAt == null;
        }
    }

    /** The account's latest handoff ({@link Standing}); empty when none ran. */
    @Transactional(readOnly = true)
    public Optional<Standing> latestOf(long accountId) {
        return jdbc.sql("""
            select started_at, ended_at from sales_handoff where account_id = ?
            and not (ended_at is null and process_instance_key is null
                     and started_at < now() - make_interval(secs => ?))
            order by id desc limit 1""")
                .params(accountId, ABANDONED_AFTER.toSeconds())
                .query((rs, n) -> new Standing(
                        rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional();
    }

    /** The rep who hands the account over (its owner); 400 when it has none. */
    @Transactional(readOnly = true)
    public String rep(long accountId) {
        accounts.referenced(accountId, "accountId"); // 400 when unknown
        // read as a view: start() calls this directly, outside any transaction, so a lazy owner could not load
        String owner = accounts.get(accountId).ownerUsername();
        if (owner == null) {
            throw new BadRequestException("accountId", "account " + accountId + " has no owner to hand it over");
        }
        return owner;
    }

    @Transactional(readOnly = true)
    public List<Long> commitmentsToHandOver(long accountId) {
        return commitments.findByAccountIdOrderByDueDate(accountId).stream()
                .filter(c -> HANDED_OVER.contains(c.getStatus()))
                .map(Commitment::getId)
                .toList();
    }

    /** Accepted by its team (or further on), or cancelled: nothing left for the handoff to wait for. */
    @Transactional(readOnly = true)
    public boolean settled(long commitmentId) {
        return commitments
                .findById(commitmentId)
                .map(c -> !AWAITING_ACCEPTANCE.contains(c.getStatus()))
                .orElse(true);
    }

    /**
     * Whether {@code chosenBy}, answering the kickoff, may name {@code csOwnerUsername} the account's CS
     * owner: the API's rule for giving someone work (ADR 014, {@link ReportingLines#mayGiveWorkTo}) with
     * customer success as the team that will serve the account: the person must exist, be active and
     * not be leaving or being handed over (the account would be new work, {@link
     * dev.baton.people.PeopleService#newOwner}, which the handoff's transfer refuses too), and be the one answering, of their team or line, or of customer success; an admin may name
     * anyone. Whoever answers: the step can reach someone it was delegated or reassigned to. Moving the
     * account from the rep needs nothing more: starting the handoff was the rep's (or their line's) say.
     *
     * The account must not be one a running handover is still to move ({@link
     * AccountService#requireNoHandoverToMove}), one started since the handoff did: the step that moves it
     * would fail later, when nobody is asked any more.
     *
     * @param accountId the handed-off account (its task's; null, were the task on no known account: not checked)
     * @param field the answer's field naming the CS owner, for the 400
     * @throws BadRequestException naming {@code field} when nobody has that user name, or they are inactive
     *     or leaving
     * @throws org.springframework.security.access.AccessDeniedException saying why {@code chosenBy} may not
     * @throws ConflictException when a running handover is still to move the account, in its words
     */
    @Transactional(readOnly = true)
    public void requireMayHandTo(Long accountId, String csOwnerUsername, String field, String chosenBy) {
        if (accountId != null) {
            accounts.requireNoHandoverToMove(accountId);
        }
        Person named;
        try {
            named = people.signedIn(csOwnerUsername);
        } catch (NotFoundException unknown) {
            throw new BadRequestException(field, "nobody is called '" + csOwnerUsername + "'");
        }
        Person csOwner = people.newOwner(named.getId(), field, "an account");
        lines.requireMayGiveWorkTo(
                people.signedIn(chosenBy), csOwner, teams.byKey(csOwnerTeam()).orElse(null), "an account");
    }

    /**
     * The key of the team {@link #requireMayHandTo} judges the CS owner by (customer success, {@code
     * baton.commitments.verifying-team}): the team that will serve the account.
     */
    public String csOwnerTeam() {
        return settings.verifyingTeam();
    }

    /** The words the rep's note for customer success is kept under on the account's record. */
    static final String LIST_NOTE_PREFIX = "For customer success, at the sales handoff: ";

    /** The words the kickoff's notes are kept under on the account's record. */
    static final String KICKOFF_NOTES_PREFIX = "Sales-to-CS kickoff: ";

    /**
     * Keeps what the rep wrote for customer success as they listed the sale's commitments on the account's
     * record: a note interaction by them, shown on its page and timeline with the account's other notes.
     * One note per list task: the task answered again (the engine refused the first answer for good and the
     * rep answered again, or the answer arrived twice) keeps the same note, in the latest answer's words
     * (found by the session 35 review: a second answer kept a second note). Two answers at once meet at the
     * task's row in {@code sales_handoff_list_note}: the second waits for the first and finds its note.
     *
     * @param taskId the list step's task (Baton's task id), the note's key
     * @param accountId the handed-off account
     * @param note what the rep wrote (not blank)
     * @param repUsername who answered: the note's author
     */
    @Transactional
    public void keepListNote(long taskId, long accountId, String note, String repUsername) {
        keepNote(taskId, accountId, LIST_NOTE_PREFIX + note.trim(), repUsername);
    }

    /**
     * Keeps the kickoff's notes on the account's record as {@link #keepListNote} keeps the rep's: a note
     * interaction by whoever answered the kickoff, one per kickoff task, in the latest answer's words. They
     * lived only in the completed task, out of the account's story (found by the session 40 probe). Kept
     * with the list step's notes ({@code sales_handoff_list_note}, a note per task whichever step).
     *
     * @param taskId the kickoff step's task (Baton's task id), the note's key
     * @param accountId the handed-off account
     * @param notes what was written (not blank)
     * @param by who answered the kickoff: the note's author
     */
    @Transactional
    public void keepKickoffNotes(long taskId, long accountId, String notes, String by) {
        keepNote(taskId, accountId, KICKOFF_NOTES_PREFIX + notes.trim(), by);
    }

    private void keepNote(long taskId, long accountId, String summary, String author) {
        int claimed = jdbc.sql("insert into sales_handoff_list_note (task_id) values (?) on conflict do nothing")
                .param(taskId)
                .update();
        if (claimed == 0) {
            long kept = jdbc.sql("select interaction_id from sales_handoff_list_note where task_id = ?")
                    .param(taskId)
                    .query(Long.class)
                    .single();
            interactions.reword(kept, summary);
            return;
        }
        long logged = interactions
                .log(accountId, new NewInteraction(InteractionKind.NOTE, summary, null, null), author)
                .id();
        jdbc.sql("update sales_handoff_list_note set interaction_id = ? where task_id = ?")
                .params(logged, taskId)
                .update();
    }

    /**
     * The list task answered again with no note: the rep took back what the earlier answer (one the engine
     * refused for good) had them write for customer success, and the kickoff shows none. The note {@link
     * #keepListNote} kept for the task goes from the account, timeline entry and all ({@link
     * InteractionService#remove}, which audits its words as {@code interaction.removed}), rather than an
     * entry saying it was withdrawn: the timeline's interactions are what the account's people read as its
     * story, not a log (that is the audit trail, append-only, which keeps the note's words); an entry kept
     * in words the rep took back told customer success what the rep chose not to (found by the session 36
     * review). Nothing happens when the task kept no note.
     *
     * @param taskId the list step's task (Baton's task id), the note's key
     */
    @Transactional
    public void dropListNote(long taskId) {
        jdbc.sql("delete from sales_handoff_list_note where task_id = ? returning interaction_id")
                .param(taskId)
                .query((rs, n) -> rs.getObject(1, Long.class))
                .optional() // empty too when the row has no interaction yet (null)
                .ifPresent(interactions::remove);
    }

    /**
     * Whether {@link #keepListNote} kept a note on the account for this list task: what a refusal of the
     * task's answer tells the rep is kept ({@link dev.baton.task.TaskCompletionHandler#keptWhenWithdrawn}).
     */
    @Transactional(readOnly = true)
    public boolean listNoteKept(long taskId) {
        return jdbc.sql("select count(*) from sales_handoff_list_note where task_id = ? and interaction_id is not null")
                        .param(taskId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The CS owner takes the account from whoever owns it now, who stays on its team; the handoff ends
     * (another may start). Whoever owns it now, not the rep the handoff started with: an owner change while
     * the handoff ran (the API, a data-quality fix, a handover's move) made someone else its owner, and it
     * is theirs that is taken (found by the session 35 probe: it went from the new owner to CS unsaid, and
     * the old one was put on its team). The one who loses it is told as an owner change tells them, on the
     * account's record ({@code account.transferred} and {@code account.handed-to-cs} name them as the owner
     * before). Idempotent: a second run finds the CS owner owning it and changes nothing. Audited in the
     * name of {@code chosenBy}, who named the CS owner at the kickoff ({@link AuditLog#onBehalfOf}; null for
     * a step completed before Baton recorded it, or around Baton: {@code system}).
     */
    @Transactional
    public void handToCustomerSuccess(long accountId, String csOwnerUsername, String chosenBy) {
        AuditLog.onBehalfOf(chosenBy, () -> {
            handOver(accountId, csOwnerUsername);
            return null;
        });
    }

    private void handOver(long accountId, String csOwnerUsername) {
        jdbc.sql("update sales_handoff set ended_at = now() where account_id = ? and ended_at is null")
                .param(accountId)
                .update();
        Account account = accounts.account(accountId);
        Person csOwner = people.signedIn(csOwnerUsername);
        Person losing = account.getOwner();
        if (losing != null && losing.getId().equals(csOwner.getId())) {
            return; // theirs already: this step ran before, or the account was given to them meanwhile
        }
        accounts.transfer(accountId, csOwner.getId(), null);
        if (losing != null
                && account.getAccountTeam().stream().noneMatch(p -> p.getId().equals(losing.getId()))) {
            Set<Person> team = new LinkedHashSet<>(account.getAccountTeam());
            team.add(losing);
            account.replaceAccountTeam(team);
        }
        audit.record(
                "account.handed-to-cs",
                "account",
                accountId,
                accountId,
                fields("owner", losing == null ? null : losing.getUsername()),
                fields("owner", csOwnerUsername, "accountTeamAdded", losing == null ? null : losing.getUsername()));
    }
}
