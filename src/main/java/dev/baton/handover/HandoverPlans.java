package dev.baton.handover;

import dev.baton.account.Account;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.shared.Dates;
import dev.baton.shared.Text;
import dev.baton.task.TaskTransfers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a launch would do, before it is launched: the wizard's live "who gets what". */
@Service
public class HandoverPlans {

    /** One account and who the plan gives it to ({@code successorId} null: the manager decides later). */
    public record Assignment(long accountId, String accountName, Long successorId, String successorName) {}

    /** One successor's share: how many accounts, and their book before and after. */
    public record Share(long personId, String fullName, int accounts, long bookNow, long bookAfter) {}

    /**
     * The plan applied to the book, without changing anything.
     *
     * @param undecided accounts left for the manager's "choose successor" task
     * @param introMails customers who get an introduction mail when their account is acknowledged (a
     *     primary contact with an address, not opted out)
     * @param openLeads the departing person's NEW or WORKING leads, which move when the handover starts
     * @param confirmation the plan in one line: "14 accounts: 12 → Rita Okafor, 2 → you decide; 11 intro
     *     mails on acknowledgement; 2 open leads → by territory or in turn in the sales team"
     * @param warnings what the manager should know before launching, in plain sentences (empty when
     *     nothing): the departing person's open commitments and tasks on no account of the book, which
     *     the handover does not move ({@link #notMoved}), a plan that nobody could ever take over,
     *     which the launch refuses ({@link HandoverService#nobodyToTakeOver}), and a departing person away
     *     today, whose notes go to their cover or to the manager ({@link NoteWriters})
     */
    public record PlanPreview(
            List<Assignment> accounts,
            List<Share> shares,
            int undecided,
            int introMails,
            int openLeads,
            String confirmation,
            List<String> warnings) {

        /** The account's assignment, or null for an account not in the book. */
        public Assignment of(long accountId) {
            return accounts.stream()
                    .filter(a -> a.accountId() == accountId)
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HandoverService launcher;
    private final PeopleService people;
    private final Book book;
    private final TaskTransfers tasks;
    private final NoteWriters writers;

    HandoverPlans(HandoverService launcher, PeopleService people, Book book, TaskTransfers tasks, NoteWriters writers) {
        this.writers = writers;
        this.launcher = launcher;
        this.people = people;
        this.book = book;
        this.tasks = tasks;
    }

    /**
     * Throws as {@link HandoverService#launch} would for the departing person and the plan ({@code
     * BadRequestException} naming the field, {@code AccessDeniedException} outside the manager's
     * line or for someone who owns nothing to hand over, {@code ConflictException} for someone who may
     * not be handed over now: {@link HandoverService#requireHandable}); dates and the reason are not
     * checked here.
     */
    @Transactional(readOnly = true)
    public PlanPreview preview(LaunchRequest r, String manager) {
        Person departing = launcher.departing(r.departingId(), "departingId", manager);
        launcher.requireHandable(departing);
        launcher.requireSomethingToHandOver(departing);
        Person me = people.signedIn(manager);
        List<Account> accounts = book.accounts(departing);
        Map<Long, Person> plan = launcher.plan(r, departing, me, accounts);
        List<Assignment> assignments = new ArrayList<>();
        Map<Long, Share> shares = new LinkedHashMap<>();
        int introMails = 0;
        for (Account a : accounts) {
            Person to = plan.get(a.getId());
            assignments.add(new Assignment(
                    a.getId(), a.getName(), to == null ? null : to.getId(), to == null ? null : to.getFullName()));
            if (to != null) {
                shares.merge(
                        to.getId(),
                        new Share(to.getId(), to.getFullName(), 1, book.accountCount(to), book.accountCount(to) + 1),
                        (s, one) -> new Share(
                                s.personId(), s.fullName(), s.accounts() + 1, s.bookNow(), s.bookAfter() + 1));
            }
            if (!r.introOptOut().contains(a.getId()) && hasPrimaryAddress(a)) {
                introMails++;
            }
        }
        int undecided = accounts.size() - plan.size();
        int openLeads = book.openLeads(departing).size();
        List<String> warnings = new ArrayList<>();
        String nobody = launcher.nobodyToTakeOver(departing, me, accounts, plan);
        if (nobody != null) {
            warnings.add(nobody + " (the launch is refused)");
        }
        String notMoved = notMoved(departing, accounts, r.effectiveDate());
        if (notMoved != null) {
            warnings.add(notMoved);
        }
        if (!accounts.isEmpty()) {
            writers.away(
                            departing,
                            accounts.stream()
                                    .map(a -> plan.get(a.getId()))
                                    .map(p -> p == null ? null : p.getUsername())
                                    .toList())
                    .ifPresent(away -> warnings.add(departing.getFullName() + " is away until "
                            + Dates.calendarDay(away.until()) + ", so the handover notes are not theirs to write: "
                            + away.toManager(departing.getFullName())));
        }
        return new PlanPreview(
                assignments,
                List.copyOf(shares.values()),
                undecided,
                introMails,
                openLeads,
                confirmation(accounts.size(), shares.values(), undecided, introMails)
                        + leads(openLeads, undecided == 0 && shares.size() == 1 ? shares.values() : List.of()),
                List.copyOf(warnings));
    }

    /**
     * "8 open commitments and 3 open tasks in Colin O'Brien's name are on no account of this book: ...",
     * or null when there are none. A handover moves the departing person's commitments and tasks with
     * the accounts they are on ({@link BookTransfer}); the rest stays in their name until the orphan
     * check of rep-handover lists it to the manager ("Resolve orphaned work", {@link OrphanedWork}):
     * once the accounts are handed over, or, with no account, on the effective date (the process waits
     * for it: before, the person is still at work on them). Found by the session 45 probe: the preview
     * said "0 accounts" for someone holding 11 open things.
     */
    private String notMoved(Person departing, List<Account> accounts, LocalDate effectiveDate) {
        // counted in the database: a book of thousands loaded every commitment and task of the person to count them
        List<Long> inBook = accounts.stream().map(Account::getId).toList();
        long commitments = book.openCommitmentCount(departing)
                - book.openCommitmentCounts(departing, inBook).values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
        long openTasks = tasks.countOpenNotOn(departing, inBook);
        if (commitments + openTasks == 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (commitments > 0) {
            parts.add(Text.count(commitments, "open commitment"));
        }
        if (openTasks > 0) {
            parts.add(Text.count(openTasks, "open task"));
        }
        String when = accounts.isEmpty()
                ? effectiveDate == null ? "on the effective date" : "on " + Dates.calendarDay(effectiveDate)
                : "once the accounts are handed over";
        return String.join(" and ", parts) + " in " + departing.getFullName() + "'s name "
                + (commitments + openTasks == 1 ? "is" : "are") + " on no account of this book: the handover does"
                + " not move " + (commitments + openTasks == 1 ? "it" : "them") + ". "
                + when.substring(0, 1).toUpperCase(Locale.ROOT) + when.substring(1)
                + ", Baton lists what is still in their name to you as orphaned work (\"Resolve orphaned work\"),"
                + " to give to someone.";
    }

    /** Where the open leads go (as HandoverLeads moves them): the book's one successor, else the lead rules. */
    private static String leads(int openLeads, Iterable<Share> oneSuccessor) {
        if (openLeads == 0) {
            return "";
        }
        String to = oneSuccessor.iterator().hasNext()
                ? oneSuccessor.iterator().next().fullName()
                : "by territory or in turn in the sales team";
        return "; " + openLeads + (openLeads == 1 ? " open lead → " : " open leads → ") + to;
    }

    private boolean hasPrimaryAddress(Account a) {
        return book.contacts(a.getId()).stream()
                .anyMatch(c ->
                        c.isPrimary() && c.getEmail() != null && !c.getEmail().isBlank());
    }

    static String confirmation(int accounts, Iterable<Share> shares, int undecided, int introMails) {
        List<String> parts = new ArrayList<>();
        shares.forEach(s -> parts.add(s.accounts() + " → " + s.fullName()));
        if (undecided > 0) {
            parts.add(undecided + " → you decide");
        }
        return accounts + (accounts == 1 ? " account" : " accounts") + (parts.isEmpty() ? "" : ": ")
                + String.join(", ", parts) + "; " + introMails + (introMails == 1 ? " intro mail" : " intro mails")
                + " on acknowledgement";
    }
}
