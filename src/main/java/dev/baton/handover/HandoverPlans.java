package dev.baton.handover;

import dev.baton.account.Account;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
     */
    public record PlanPreview(
            List<Assignment> accounts,
            List<Share> shares,
            int undecided,
            int introMails,
            int openLeads,
            String confirmation) {

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

    HandoverPlans(HandoverService launcher, PeopleService people, Book book) {
        this.launcher = launcher;
        this.people = people;
        this.book = book;
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
        return new PlanPreview(
                assignments,
                List.copyOf(shares.values()),
                undecided,
                introMails,
                openLeads,
                confirmation(accounts.size(), shares.values(), undecided, introMails)
                        + leads(openLeads, undecided == 0 && shares.size() == 1 ? shares.values() : List.of()));
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
