package dev.baton.imports;

import dev.baton.account.AccountImports;
import dev.baton.account.AccountImports.Found;
import dev.baton.commitment.CommitmentImports;
import dev.baton.commitment.CommitmentImports.AlreadyReminded;
import dev.baton.commitment.CommitmentImports.DueSoonOnArrival;
import dev.baton.commitment.CommitmentImports.Existing;
import dev.baton.commitment.CommitmentImports.ImportedCommitment;
import dev.baton.commitment.CommitmentImports.OverdueOnArrival;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.people.PeopleImports;
import dev.baton.people.PeopleImports.KnownTeam;
import dev.baton.people.PeopleImports.PersonRef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Commitment rows: an open one must have an active owner (the invariant holds from the first row). An
 * owner who is leaving or being handed over ({@link LeavingOwners}) gets no open commitment from a file,
 * as from the API, except one they own already (a file exported again before they leave); a closed one
 * is history, whoever owned it.
 */
@Component
class CommitmentRows implements RowHandler {

    private final AccountImports accounts;
    private final CommitmentImports commitments;
    private final PeopleImports people;
    private final LeavingOwners leavers;

    CommitmentRows(
            AccountImports accounts, CommitmentImports commitments, PeopleImports people, LeavingOwners leavers) {
        this.accounts = accounts;
        this.commitments = commitments;
        this.people = people;
        this.leavers = leavers;
    }

    @Override
    public void handle(List<ImportRow> chunk, ImportRun run) {
        String source = run.source.name();
        Map<String, Found> accountIds = accounts.accounts(source, InteractionRows.references(chunk, run, "account"));
        Map<String, Found> contactIds = accounts.contacts(source, InteractionRows.references(chunk, run, "contact"));
        Map<String, KnownTeam> teams = people.teamsByKey();
        List<ImportRow> rows = new ArrayList<>();
        List<ImportedCommitment> valid = new ArrayList<>();
        Map<ImportRow, String> toLeavers = new HashMap<>();
        for (ImportRow row : chunk) {
            String externalId = run.externalId(row, "external_id");
            Found account = ContactRows.account(row, run, accountIds);
            Long contactId = InteractionRows.contact(row, run, contactIds, account);
            String description = run.required(row, "description");
            PersonRef madeBy = run.required(row, "made_by") == null ? null : run.person(row, "made_by", false);
            PersonRef owner = run.person(row, "owner", true);
            LocalDate due = run.required(row, "due_date") == null ? null : run.date(row, "due_date");
            CommitmentStatus status = status(row, run);
            if (status != null && status.isOpen() && owner == null && row.get("owner") == null) {
                run.error(row, "owner", "is required for an open commitment (" + status + ")");
            }
            Instant delivered = deliveredAt(row, run, status);
            Long teamId = null;
            if (row.get("delivering_team") != null) {
                KnownTeam team = teams.get(row.get("delivering_team"));
                if (team == null) {
                    run.error(row, "delivering_team", "no team has this key: import teams first");
                } else {
                    teamId = team.id();
                }
            }
            ImportedCommitment commitment = new ImportedCommitment(
                    externalId,
                    account == null ? 0 : account.id(),
                    contactId,
                    description,
                    madeBy == null ? 0 : madeBy.id(),
                    owner == null ? null : owner.id(),
                    teamId,
                    due,
                    status,
                    delivered);
            run.check(row, commitment);
            if (run.accepted(row)) {
                rows.add(row);
                valid.add(commitment);
                if (owner != null) {
                    leavers.leaving(owner, run).ifPresent(why -> toLeavers.put(row, why));
                }
            }
        }
        Map<String, Existing> existing = commitments.existing(
                source, valid.stream().map(ImportedCommitment::externalId).toList());
        List<ImportedCommitment> written = new ArrayList<>();
        List<ImportRow> newRows = new ArrayList<>();
        List<ImportedCommitment> added = new ArrayList<>();
        List<ImportRow> movedRows = new ArrayList<>();
        List<ImportedCommitment> moved = new ArrayList<>();
        List<ImportRow> remindedRows = new ArrayList<>();
        List<ImportedCommitment> reminded = new ArrayList<>();
        List<Existing> remindedBefore = new ArrayList<>();
        List<ImportRow> retimedRows = new ArrayList<>();
        List<ImportedCommitment> retimed = new ArrayList<>();
        List<ImportedCommitment> retimedWas = new ArrayList<>();
        Map<Long, int[]> told = new HashMap<>();
        for (int i = 0; i < valid.size(); i++) {
            ImportRow row = rows.get(i);
            Existing before = existing.get(valid.get(i).externalId());
            if (before != null
                    && run.movesToAnotherAccount(row, accountIds, before.accountId(), before.named(), "commitment")) {
                continue;
            }
            refuseNewWorkOfLeaver(row, valid.get(i), before, toLeavers.get(row), run);
            if (run.accepted(row)) {
                boolean changes = before == null || before.changedBy(valid.get(i));
                run.matched(
                        row, before == null ? null : before.named(), before == null ? null : before.page(), changes);
                if (!changes) {
                    // not written: no new version, no timeline line, no mail withdrawn, its process not told
                    continue;
                }
                ImportRun.tally(told, valid.get(i).accountId(), before == null);
                written.add(valid.get(i));
                if (before == null) {
                    newRows.add(row);
                    added.add(valid.get(i));
                    remindedRows.add(row);
                    reminded.add(valid.get(i));
                    remindedBefore.add(null);
                } else {
                    boolean newDate =
                            !Objects.equals(before.dueDate(), valid.get(i).dueDate());
                    if (newDate) {
                        // moved to a day already past: its process is told (CommitmentImports#upsert) and
                        // escalates at once, as for a new one; judged with the status the re-import keeps
                        movedRows.add(row);
                        moved.add(withStatus(valid.get(i), before.status()));
                    }
                    if (newDate
                            || !Objects.equals(before.ownerId(), valid.get(i).ownerId())) {
                        // a "due soon" reminder goes once per owner and due date: a new one of either is
                        // reminded at once inside the window
                        remindedRows.add(row);
                        reminded.add(withStatus(valid.get(i), before.status()));
                        remindedBefore.add(before);
                    } else if (!Objects.equals(before.teamId(), valid.get(i).teamId())) {
                        // the same owner and date, so a reminder is owed only if it was not due yet: the new
                        // team's reminder days may bring its time into the past (session 37's probe)
                        retimedRows.add(row);
                        retimed.add(withStatus(valid.get(i), before.status()));
                        retimedWas.add(with(valid.get(i), before.teamId(), before.status()));
                    }
                }
            }
        }
        List<OverdueOnArrival> overdue = commitments.overdueOnArrival(added);
        for (int i = 0; i < added.size(); i++) {
            if (overdue.get(i) != null) {
                run.notice(
                        newRows.get(i),
                        "due_date",
                        overdueOnArrival(added.get(i).status(), overdue.get(i)));
            }
        }
        List<OverdueOnArrival> overdueWhenMoved = commitments.overdueOnArrival(moved);
        for (int i = 0; i < moved.size(); i++) {
            if (overdueWhenMoved.get(i) != null) {
                run.notice(
                        movedRows.get(i),
                        "due_date",
                        overdueWhenMoved(moved.get(i).status(), overdueWhenMoved.get(i)));
            }
        }
        List<DueSoonOnArrival> dueSoon = commitments.dueSoonOnArrival(reminded, existing);
        for (int i = 0; i < reminded.size(); i++) {
            if (dueSoon.get(i) != null) {
                Existing before = remindedBefore.get(i);
                boolean newDate = before == null
                        || !Objects.equals(before.dueDate(), reminded.get(i).dueDate());
                run.notice(
                        remindedRows.get(i),
                        newDate ? "due_date" : "owner",
                        before == null
                                ? dueSoonOnArrival(dueSoon.get(i))
                                : dueSoonWhenChanged(newDate, before, reminded.get(i), dueSoon.get(i)));
            }
        }
        // one look-up for both: each commitment with its new team, then with the team it had
        List<DueSoonOnArrival> byTeam = commitments.dueSoonOnArrival(
                java.util.stream.Stream.concat(retimed.stream(), retimedWas.stream())
                        .toList(),
                existing);
        for (int i = 0; i < retimed.size(); i++) {
            if (byTeam.get(i) != null && byTeam.get(retimed.size() + i) == null) {
                run.notice(
                        retimedRows.get(i),
                        "delivering_team",
                        dueSoonWhenRetimed(teams.get(retimedRows.get(i).get("delivering_team")), byTeam.get(i)));
            }
        }
        if (run.writing() && !written.isEmpty()) {
            commitments.upsert(source, written, existing);
            accounts.tallyRecordsImported(told);
        }
    }

    /**
     * What a re-import giving a known accepted commitment only another delivering team sets off when that team's
     * reminder days bring the "due soon" reminder time into the past, where with the team it had it was still to
     * come (so no reminder went out yet for its owner and due date): its process, told of the change (or started at
     * the sweep), re-arms the reminder timer at the passed time, which fires at once, and the reminder is mailed.
     * Session 37's probe: nothing was said. Where the reminder time had passed with the old team too, the reminder
     * went out then (once per owner and due date), and nothing more is sent or said. The team is named by its name,
     * as the teams file's notices name it ("the team Sales EMEA"; until session 38 by its key).
     */
    private static String dueSoonWhenRetimed(KnownTeam team, DueSoonOnArrival d) {
        String change = team == null
                ? "takes its delivering team away (the default team's reminder days then count)"
                : "moves it to the delivering team " + team.name();
        return change + ", and the commitment is still ACCEPTED and due " + d.dueDate() + ", so due soon: "
                + reminderPassed(d) + " (with the team it had, it was still to come)" + remindedOnceImported(d);
    }

    /**
     * What a known commitment's process does with the "due soon" reminder once the import has told it of the change:
     * mails it at once, unless the reminder to this owner for this due date was queued already (an earlier team, owner
     * or date it had before and has again), which its once-per-owner-and-due-date key keeps from going again. Session
     * 38's probe: the notice promised a mail "at once" that never came. One whose sending gave up for good is not
     * "queued" (until session 39 it read so): it goes only if an admin sends it again.
     */
    private static String remindedOnceImported(DueSoonOnArrival d) {
        AlreadyReminded done = d.alreadyReminded();
        if (done == null) {
            return ", so once imported its process (told of the change, or started at the next commitment sweep) mails"
                    + " the \"due soon\" reminder at once to " + d.owner() + ", the owner";
        }
        String when = done.at().toLocalTime().truncatedTo(ChronoUnit.MINUTES) + " on "
                + done.at().toLocalDate() + " (" + done.at().getZone().getId() + ")";
        String mailed = done.sent()
                ? d.owner() + ", the owner, was mailed the \"due soon\" reminder for this due date at " + when
                : done.failed()
                        ? "the \"due soon\" reminder for this due date to " + d.owner() + ", the owner, queued at "
                                + when + ", could not be sent (listed for admins at /admin/mail, who can send it"
                                + " again)"
                        : d.owner() + ", the owner, has the \"due soon\" reminder for this due date queued since "
                                + when;
        return ", but " + mailed + ", and it goes once per owner and due date: no new reminder is mailed";
    }

    /**
     * What a new accepted commitment inside its "due soon" window sets off once imported, which no report said
     * (session 36's probe): its process starts at the commitment sweep and, its reminder timer already past,
     * mails the owner the reminder at once.
     */
    private static String dueSoonOnArrival(DueSoonOnArrival d) {
        return "due " + d.dueDate() + " and ACCEPTED, so due soon: " + reminderPassed(d) + ", so once imported its"
                + " process starts at the next commitment sweep (within minutes) and mails the \"due soon\" reminder"
                + " at once to " + d.owner() + ", the owner (if the promise is delivered already, import it with the"
                + " status it is in)";
    }

    /**
     * What a re-import giving a known accepted commitment a new due date or owner inside its "due soon" window
     * sets off: its process, told of the change (or started at the sweep), mails the reminder for the new date
     * or owner at once (one goes once per owner and due date).
     */
    private static String dueSoonWhenChanged(
            boolean newDate, Existing before, ImportedCommitment row, DueSoonOnArrival d) {
        boolean newOwner = !Objects.equals(before.ownerId(), row.ownerId());
        String change = (newDate ? "moves the due date to " + d.dueDate() : "")
                + (newDate && newOwner ? " and " : "")
                + (newOwner ? "gives it to " + d.owner() : "");
        return change + ", and the commitment is still ACCEPTED" + (newDate ? "" : " and due " + d.dueDate())
                + ", so due soon: "
                + reminderPassed(d) + remindedOnceImported(d);
    }

    /** The reminder time that has passed, where the owner is: "its reminder time, 09:00 on 2027-05-29 (Etc/UTC, ...". */
    private static String reminderPassed(DueSoonOnArrival d) {
        return "its reminder time, " + d.reminderAt().toLocalTime() + " on "
                + d.reminderAt().toLocalDate() + " ("
                + d.reminderAt().getZone().getId() + ", where the owner is), " + d.daysBefore() + " day"
                + (d.daysBefore() == 1 ? "" : "s") + " before, has passed";
    }

    private static ImportedCommitment withStatus(ImportedCommitment c, CommitmentStatus status) {
        return with(c, c.teamId(), status);
    }

    /** The row as written but for its delivering team and status (what a notice compares with). */
    private static ImportedCommitment with(ImportedCommitment c, Long teamId, CommitmentStatus status) {
        return new ImportedCommitment(
                c.externalId(),
                c.accountId(),
                c.contactId(),
                c.description(),
                c.madeById(),
                c.ownerId(),
                teamId,
                c.dueDate(),
                status,
                c.deliveredAt());
    }

    /**
     * What moving a known open commitment's due date to a day already past sets off (session 36's probe: a
     * re-import's managers were mailed at once, the report saying only "already imported"): its running process
     * is told of the change and, its due-date timer now past, escalates it at once.
     */
    private static String overdueWhenMoved(CommitmentStatus status, OverdueOnArrival o) {
        return "moves the due date to " + o.dueDate() + ", already past, and the commitment is still " + status
                + ": once imported, its process (told of the change, or started at the next commitment sweep) escalates it at once, an \"Overdue commitment\" mail and"
                + " a Decide overdue commitment task for " + o.escalatedTo() + ", " + o.who();
    }

    /**
     * A row giving someone leaving ({@code why}, null when the owner is not) an open commitment they do
     * not own yet is an error at {@code owner}, in the API's words. Open as it will stand: a re-import
     * keeps the commitment's status, a new one takes the row's.
     */
    private static void refuseNewWorkOfLeaver(
            ImportRow row, ImportedCommitment commitment, Existing before, String why, ImportRun run) {
        if (why == null) {
            return;
        }
        CommitmentStatus status = before == null ? commitment.status() : before.status();
        if (status.isOpen() && (before == null || !Objects.equals(before.ownerId(), commitment.ownerId()))) {
            run.error(row, "owner", why + " and cannot take on a commitment");
        }
    }

    /**
     * What a new open commitment already past its due date sets off once imported, which no report said (session
     * 35's probe: managers were mailed "Overdue commitment ... 916 days ago" at the next sweep): its process
     * starts at the commitment sweep and, its due-date timer already past, escalates it at once.
     */
    private static String overdueOnArrival(CommitmentStatus status, OverdueOnArrival o) {
        return "due " + o.dueDate() + " and still " + status + ", so already overdue: once imported, its process"
                + " starts at the next commitment sweep (within minutes) and escalates it at once, an \"Overdue"
                + " commitment\" mail and a Decide overdue commitment task (a new date, another owner, or breached)"
                + " for " + o.escalatedTo() + ", " + o.who() + " (if the promise is history, import it with the"
                + " status it ended in)";
    }

    /** When a delivered or verified commitment was delivered, if the file says; any other status has no such date. */
    private static Instant deliveredAt(ImportRow row, ImportRun run, CommitmentStatus status) {
        Instant at = run.instant(row, "delivered_at", true);
        if (at != null
                && status != null
                && status != CommitmentStatus.DELIVERED
                && status != CommitmentStatus.VERIFIED) {
            run.error(
                    row, "delivered_at", "only a DELIVERED or VERIFIED commitment has a delivery date, not " + status);
        }
        return at;
    }

    private static CommitmentStatus status(ImportRow row, ImportRun run) {
        String value = row.get("status");
        if (value == null) {
            return CommitmentStatus.PROPOSED;
        }
        try {
            return CommitmentStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            run.error(row, "status", "is not one of " + java.util.Arrays.toString(CommitmentStatus.values()));
            return null;
        }
    }
}
