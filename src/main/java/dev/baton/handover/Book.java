package dev.baton.handover;

import dev.baton.account.Account;
import dev.baton.account.AccountService;
import dev.baton.account.Contact;
import dev.baton.account.ContactService;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.OpenPromise;
import dev.baton.lead.LeadTransfers;
import dev.baton.lead.LeadTransfers.OpenLead;
import dev.baton.people.Person;
import dev.baton.task.TaskTransfers;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a person owns, read through the owning features' services: reads only. Every change goes
 * through the owning feature's service too, so it stays guarded and audited there.
 */
@Component
class Book {

    /** Contact data older than this is to be re-verified by the successor. */
    static final Duration STALE_AFTER = Duration.ofDays(365);

    private final AccountService accounts;
    private final ContactService contacts;
    private final CommitmentService commitments;
    private final LeadTransfers leads;
    private final TaskTransfers tasks;

    Book(
            AccountService accounts,
            ContactService contacts,
            CommitmentService commitments,
            LeadTransfers leads,
            TaskTransfers tasks) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.commitments = commitments;
        this.leads = leads;
        this.tasks = tasks;
    }

    /**
     * Whether a handover of the person would move anything: an account, an open commitment or an open
     * task. The one rule by which the launch refuses ("owns nothing to hand over") and the wizard's list
     * leaves people out: it offered "Maria Rossi · 0 accounts" and the launch refused her (session 40).
     */
    boolean hasAnythingToHandOver(Person owner) {
        return !withSomethingToHandOver(List.of(owner)).isEmpty();
    }

    /**
     * {@link #hasAnythingToHandOver} for many at once, by id: three queries however many are asked (the
     * wizard's list and its type-ahead ask it for a whole line, an admin's for everyone).
     */
    Set<Long> withSomethingToHandOver(Collection<Person> people) {
        Set<Long> owning = new HashSet<>(accounts.ownersAmong(people));
        owning.addAll(commitments.ownersWithOpenAmong(people));
        owning.addAll(tasks.holdersAmong(people));
        return owning;
    }

    /** The person's leads still to be worked (NEW or WORKING). */
    List<OpenLead> openLeads(Person owner) {
        return leads.openOwnedBy(owner);
    }

    List<Account> accounts(Person owner) {
        return accounts.ownedBy(owner);
    }

    /** {@link #accounts}, each row held until the launch's transaction ends ({@link AccountService#holdOwnedBy}). */
    List<Account> holdAccounts(Person owner) {
        return accounts.holdOwnedBy(owner);
    }

    List<Commitment> openCommitments(Person owner) {
        return commitments.openOwnedBy(owner);
    }

    List<Commitment> openCommitments(Person owner, Long accountId) {
        return commitments.openOwnedBy(owner, accountId);
    }

    List<Commitment> openCommitmentsOf(Long accountId) {
        return commitments.openOf(accountId);
    }

    /** The account's open commitments as the customer knows them, nearest due date first. */
    List<OpenPromise> openPromisesOf(Long accountId) {
        return commitments.openPromisesOf(accountId);
    }

    /** How many open commitments the owner has, on whichever account: counted, none loaded. */
    long openCommitmentCount(Person owner) {
        return commitments.countOwnedBy(owner);
    }

    /**
     * The owner's open commitments per account (account id to count; accounts with none of theirs left
     * out), in one query: what a handover moves with each account, others' staying with them.
     */
    Map<Long, Long> openCommitmentCounts(Person owner, Collection<Long> accountIds) {
        return commitments.openCountsOwnedBy(owner, accountIds);
    }

    List<Contact> contacts(Long accountId) {
        return contacts.ofAccount(accountId);
    }

    List<Contact> staleContacts(Person owner, Instant now) {
        return contacts.ofAccountsOwnedBy(owner).stream()
                .filter(c -> c.isStale(now, STALE_AFTER))
                .toList();
    }

    /** The names of the accounts among {@code ids} that exist (id to name). */
    Map<Long, String> accountNames(Collection<Long> ids) {
        return accounts.names(ids);
    }

    /** Accounts each candidate owns now, for balancing a team's books. */
    long accountCount(Person owner) {
        return accounts.countOwnedBy(owner);
    }

    /** {@link #accountCount} for many, in one query: by person id, 0 for someone owning none. */
    Map<Long, Long> accountCounts(Collection<Person> owners) {
        return accounts.countsOwnedBy(owners);
    }

    /** Who owns accounts in the territory, the one with most of them first. */
    List<Person> ownersInTerritory(String territory) {
        return accounts.ownersInTerritory(territory);
    }
}
