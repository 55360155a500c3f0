package dev.baton.account;

import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.ReportingLines;
import dev.baton.people.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may act on an account: edit it, record a commitment on it, start its playbooks or its
 * handoff to customer success. Its owner and its account team; a manager with the owner in their
 * line ({@link ReportingLines}); an admin. An account without an owner is nobody's line yet: any
 * manager may act on it. Moving the account itself is {@link #requireMayReassign}; changing one of
 * its contacts is a write on it too ({@link #requireMayChangeContact}). Each check throws {@link
 * AccessDeniedException} saying why; an unknown account is left to the caller's 404.
 */
@Service
public class AccountAccess {

    private final Accounts accounts;
    private final Contacts contacts;
    private final PeopleService people;
    private final ReportingLines lines;

    AccountAccess(Accounts accounts, Contacts contacts, PeopleService people, ReportingLines lines) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.people = people;
        this.lines = lines;
    }

    /** For a path's account id: passes when the account does not exist (the request then answers 404). */
    @Transactional(readOnly = true)
    public void requireMayActOn(Long accountId, String username) {
        accounts.findById(accountId).ifPresent(a -> requireMayActOn(a, people.signedIn(username)));
    }

    /**
     * Throws unless {@code actor} may act on the account (see the class comment).
     *
     * @throws AccessDeniedException naming the account and the people by name ("Acme GmbH is owned by
     *     Rob Jansen, who is not in Ravi Patel's line: ...")
     */
    @Transactional(readOnly = true)
    public void requireMayActOn(Account account, Person actor) {
        Person owner = account.getOwner();
        if (!allowed(account, actor)) {
            throw new AccessDeniedException(account.getName() + " is owned by "
                    + (owner == null
                            ? "nobody"
                            : owner.getFullName() + ", who is not in " + actor.getFullName() + "'s line")
                    + ": only its owner, its account team, their managers and admins may act on it");
        }
    }

    /**
     * Whether {@code username} may act on the account ({@link #requireMayActOn}), for a page that offers
     * only the actions that would be allowed (found by session 41's probe: revenue ops were offered "Mark
     * verified" and the sales-to-CS handoff on accounts in nobody's line of theirs, and refused on each).
     *
     * @return false also for an unknown account
     */
    @Transactional(readOnly = true)
    public boolean mayActOn(Long accountId, String username) {
        return accounts.findById(accountId)
                .map(a -> allowed(a, people.signedIn(username)))
                .orElse(false);
    }

    private boolean allowed(Account account, Person actor) {
        Person owner = account.getOwner();
        boolean onTeam =
                account.getAccountTeam().stream().anyMatch(p -> p.getId().equals(actor.getId()));
        return owner == null
                ? actor.hasRole(Role.ADMIN) || actor.hasRole(Role.MANAGER)
                : onTeam || lines.mayActFor(actor, owner);
    }

    /**
     * Changing a contact (its details, its verification, its primary or champion mark, merging it
     * away) is a write on its account, allowed to whoever may act on the account ({@link
     * #requireMayActOn}); only adding a contact is open to anyone who talks to the customer (ADR 014),
     * and adding one as the primary contact changes the account's primary, so is a write on it.
     * Passes for an unknown contact: the request then answers 404.
     *
     * @throws AccessDeniedException saying whose line the account is in
     */
    @Transactional(readOnly = true)
    public void requireMayChangeContact(Long contactId, String username) {
        contacts.findById(contactId).ifPresent(c -> requireMayActOn(c.getAccount(), people.signedIn(username)));
    }

    /**
     * Giving an account to a new owner outside a handover ({@code PUT /api/accounts/{id}/owner}, the
     * data-quality fix, a playbook's block): the actor must act for its current owner (a manager of
     * their line, an admin; any manager when it has none), else a 403 whoever they name; then the new
     * owner must exist, be active and not be leaving or being handed over ({@link
     * PeopleService#newOwner}), a 400 naming {@code ownerId} that the caller can fix by naming someone
     * else, before the 403 when the actor may not give them work ({@link
     * ReportingLines#mayGiveWorkTo}), as for an inactive owner. Passes for an unknown account.
     *
     * @throws AccessDeniedException when the actor may not move the account, or give the new owner work
     * @throws dev.baton.shared.BadRequestException at {@code ownerId}, in words, for an unknown, inactive
     *     or leaving new owner
     */
    @Transactional(readOnly = true)
    public void requireMayReassign(Long accountId, Long newOwnerId, String username) {
        if (accounts.existsById(accountId)) {
            requireMayMove(accountId, username);
            requireMayGiveTo(people.signedIn(username), newOwnerId, true);
        }
    }

    /**
     * {@link #requireMayReassign} for a book going back to the person it was handed over from (a leave
     * whose ownership returns): they may still have a handover running, so only an unknown or inactive
     * new owner is a 400 naming {@code ownerId}.
     */
    @Transactional(readOnly = true)
    public void requireMayTransfer(Long accountId, Long newOwnerId, String username) {
        if (accounts.existsById(accountId)) {
            requireMayMove(accountId, username);
            requireMayGiveTo(people.signedIn(username), newOwnerId, false);
        }
    }

    /**
     * The account's half of {@link #requireMayReassign}, whoever the new owner: the actor acts for its
     * current owner (a manager of their line, an admin), or is a manager or admin when it has none. For
     * a caller that tells a refused account from a refused new owner (a building block names the input
     * to fix). Passes for an unknown account.
     */
    @Transactional(readOnly = true)
    public void requireMayMove(Long accountId, String username) {
        Account account = accounts.findById(accountId).orElse(null);
        if (account == null) {
            return;
        }
        Person actor = people.signedIn(username);
        Person owner = account.getOwner();
        if (owner != null) {
            lines.requireMayActFor(actor, owner, "move " + account.getName());
        } else if (!actor.hasRole(Role.ADMIN) && !actor.hasRole(Role.MANAGER)) {
            throw new AccessDeniedException("only managers and admins may give " + account.getName() + " an owner");
        }
    }

    /**
     * A new account's owner: someone the actor may give work to (null: no owner, always allowed). An
     * unknown, inactive or leaving owner is the 400 at {@code ownerId} first, as in {@link #requireMayReassign}.
     */
    @Transactional(readOnly = true)
    public void requireMayCreateFor(Long ownerId, String username) {
        requireMayGiveTo(people.signedIn(username), ownerId, true);
    }

    /** {@code newWork}: the owner may not be leaving either ({@link PeopleService#newOwner}). */
    private void requireMayGiveTo(Person actor, Long ownerId, boolean newWork) {
        if (ownerId != null) {
            Person owner = newWork
                    ? people.newOwner(ownerId, "ownerId", "an account")
                    : people.activeOwner(ownerId, "ownerId", "an account");
            lines.requireMayGiveWorkTo(actor, owner, null, "an account");
        }
    }
}
