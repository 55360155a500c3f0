package dev.baton.account;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditLog;
import dev.baton.audit.Changes;
import dev.baton.people.OwnedWork;
import dev.baton.people.PeopleLookup;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import dev.baton.shared.AccountIds;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import dev.baton.shared.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: search, details, and ownership (only an active person may own one). */
@Service
@Order(1)
public class AccountService implements OwnedWork, AccountIds {

    private final Accounts accounts;
    private final PeopleService people;
    private final PeopleLookup persons;
    private final AuditLog audit;
    private final TimeZones zones;
    private final Clock clock;

    /** A provider: the handover feature, which implements it, depends on accounts. */
    private final ObjectProvider<PendingHandovers> pendingHandovers;

    private final ApplicationEventPublisher events;

    AccountService(
            Accounts accounts,
            PeopleService people,
            PeopleLookup persons,
            AuditLog audit,
            TimeZones zones,
            Clock clock,
            ObjectProvider<PendingHandovers> pendingHandovers,
            ApplicationEventPublisher events) {
        this.events = events;
        this.pendingHandovers = pendingHandovers;
        this.accounts = accounts;
        this.people = people;
        this.persons = persons;
        this.audit = audit;
        this.zones = zones;
        this.clock = clock;
    }

    /**
     * One page of the accounts the search matches.
     *
     * @throws BadRequestException at {@code owner}, "no person N", when the owner filter names nobody
     *     ({@link PeopleLookup#requireExists}: the rule of every list's filter by id)
     */
    @Transactional(readOnly = true)
    public Page<AccountView> find(AccountSearch search, Pageable pageable) {
        persons.requireExists(search.ownerId(), "owner");
        return accounts.findAll(search.toSpecification(), pageable).map(AccountView::from);
    }

    @Transactional(readOnly = true)
    public AccountView get(Long id) {
        return AccountView.from(account(id));
    }

    /**
     * Records a new account, owned by the person {@code n} names or by nobody.
     *
     * @throws BadRequestException at {@code ownerId} for an unknown or inactive owner, or one leaving or
     *     being handed over ({@link PeopleService#newOwner}: the account would be orphaned on their
     *     leaving day); at {@code renewalDate} for a day that has passed where the owner is
     */
    @Transactional
    public AccountView create(NewAccount n) {
        return create(n, n.ownerId() == null ? null : people.newOwner(n.ownerId(), "ownerId", "an account"));
    }

    /**
     * {@link #create} for the account a lead's owner converts their lead into, from a job worker: the
     * customer is theirs already, so only an inactive owner is refused. One whose handover runs has the
     * account found by its orphan check; one whose handover completed holds no leads any more.
     */
    @Transactional
    public AccountView createFromLead(NewAccount n) {
        return create(n, n.ownerId() == null ? null : people.activeOwner(n.ownerId(), "ownerId", "an account"));
    }

    private AccountView create(NewAccount n, Person owner) {
        requireFutureRenewal(n.renewalDate(), owner);
        Account account = accounts.save(new Account(n.name(), owner, n.segment(), n.territory(), n.renewalDate()));
        audit.record("account.created", "account", account.getId(), account.getId(), null, snapshot(account));
        return AccountView.from(account);
    }

    @Transactional
    public AccountView update(Long id, AccountDetails d) {
        Account account = account(id);
        Changes.requireVersion(d.version(), account.getVersion(), "account " + id);
        Map<String, Object> before = snapshot(account);
        if (d.renewalDate() != null && !d.renewalDate().equals(account.getRenewalDate())) {
            requireFutureRenewal(d.renewalDate(), account.getOwner());
        }
        account.update(d.name(), d.segment(), d.territory(), d.renewalDate());
        accounts.flush();
        Map<String, Object> after = snapshot(account);
        // an edit that changes nothing is no event: Hibernate writes no row, and the trail and the
        // account's timeline must not say "updated the account's details" either
        if (!after.equals(before)) {
            audit.record("account.updated", "account", id, id, before, after);
        }
        return AccountView.from(account);
    }

    /**
     * Moves the account to another owner, outside a handover (the API, a data-quality fix, a playbook's
     * block, a won deal's customer success owner), and publishes {@link AccountEvents.Transferred} when the
     * owner changed.
     *
     * @return the account as now, with its new version
     * @throws NotFoundException for an unknown account; a conflict when {@code version} is not the
     *     account's, or a running handover is still to move it ({@link PendingHandovers}: change its
     *     successor there instead); {@link BadRequestException} at {@code ownerId} for an unknown or
     *     inactive owner, or one leaving or being handed over ({@link PeopleService#newOwner})
     */
    @Transactional
    public AccountView transfer(Long id, Long ownerId, Long version) {
        Moved moved = move(id, ownerId, version, true);
        Account account = moved.account();
        if (moved.before() == null
                || !moved.before().getId().equals(account.getOwner().getId())) {
            // after commit, the features with work on the account follow the new owner (a waiting Renegotiate step)
            events.publishEvent(new AccountEvents.Transferred(
                    id,
                    moved.before() == null ? null : moved.before().getId(),
                    account.getOwner().getId(),
                    AuditLog.currentActor()));
        }
        accounts.flush(); // the answer carries the new version
        return AccountView.from(account);
    }

    /**
     * {@link #transfer} for a handover moving a book (to a successor, or back after a leave), in its own
     * transaction and reading no answer: the same audit record, the change written when the caller's
     * transaction flushes rather than at once, so no second flush of everything the caller has loaded
     * runs for a version nobody reads. The handover has checked its successor, so only an inactive owner
     * is refused here, not one leaving.
     *
     * @throws NotFoundException for an unknown account; {@link BadRequestException} at {@code ownerId} for an
     *     unknown or inactive owner; a conflict when {@code version} is not the account's
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void handOver(Long id, Long ownerId, Long version) {
        move(id, ownerId, version, false);
    }

    /**
     * Refuses to let anything but its handover move the account while a starting or running handover is
     * still to move it ({@link PendingHandovers}): the owner change's rule, also asked by work that will
     * move the account later (a won deal's handoff to customer success) before people do its steps.
     *
     * @throws ConflictException in words naming the account, the departing person and the planned
     *     successor: "X is being handed over from A to B: change its successor in that handover, or cancel
     *     the handover, first"
     */
    @Transactional(readOnly = true)
    public void requireNoHandoverToMove(Long id) {
        PendingHandovers pending = pendingHandovers.getIfAvailable();
        String why = pending == null ? null : pending.whyNotMoveNow(List.of(id)).get(id);
        if (why != null) {
            throw new ConflictException(why);
        }
    }

    /** An account moved, and who owned it before (null: nobody). */
    private record Moved(Account account, Person before) {}

    /** {@code newWork}: outside a handover, where the new owner may not be leaving either. */
    private Moved move(Long id, Long ownerId, Long version, boolean newWork) {
        // outside a handover, the row first: a launch taking this book at the same moment is then seen
        Account account =
                newWork ? accounts.lockById(id).orElseThrow(() -> new NotFoundException("account", id)) : account(id);
        Changes.requireVersion(version, account.getVersion(), "account " + id);
        if (newWork) {
            requireNoHandoverToMove(id);
        }
        Person owner = newWork
                ? people.newOwner(ownerId, "ownerId", "an account")
                : people.activeOwner(ownerId, "ownerId", "an account");
        Person previous = account.getOwner();
        String before = previous == null ? null : previous.getUsername();
        account.transferTo(owner);
        audit.record(
                "account.transferred",
                "account",
                id,
                id,
                fields("owner", before),
                fields("owner", owner.getUsername()));
        return new Moved(account, previous);
    }

    /** The person's accounts (entities, for other features' reads), by name then id. */
    @Transactional(readOnly = true)
    public List<Account> ownedBy(Person owner) {
        return accounts.findByOwnerOrderByNameAscIdAsc(owner);
    }

    /**
     * {@link #ownedBy}, each account's row held until the caller's transaction ends: a handover's launch
     * takes the book so, and an owner change ({@link #transfer}, which holds the row before it asks whether a
     * running handover is still to move the account) waits for it, then finds the account in the handover;
     * one that came first has moved the account out of the book the launch reads. Found by a probe: both
     * went through at once, and the handover later reported an account handed over that someone else owned.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Account> holdOwnedBy(Person owner) {
        return accounts.lockByOwner(owner);
    }

    /**
     * The names of the accounts among {@code ids} that exist (id to name), for messages that name
     * accounts as people know them; an id no account has is absent. One query per thousand ids (a
     * statement takes at most 32,767 parameters, and a request may name more); none for no ids.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> ids) {
        List<Long> wanted = ids.stream().distinct().toList();
        Map<Long, String> names = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += NAMES_PER_QUERY) {
            accounts.findAllById(wanted.subList(from, Math.min(from + NAMES_PER_QUERY, wanted.size())))
                    .forEach(a -> names.put(a.getId(), a.getName()));
        }
        return names;
    }

    private static final int NAMES_PER_QUERY = 1000;

    /**
     * The ids of the accounts these people own, for a list scoped to a manager's line (a renewal names its
     * account, not its owner). One query.
     *
     * @param ownerIds people's ids; none gives none
     */
    @Transactional(readOnly = true)
    public List<Long> idsOwnedBy(Collection<Long> ownerIds) {
        return ownerIds.isEmpty() ? List.of() : accounts.findIdsByOwnerIdIn(ownerIds);
    }

    /**
     * The accounts among {@code ids} as {@link AccountView}s (name, owner), by id, for a page that lists
     * several accounts' runs; an id no account has is absent. One query per thousand ids, none for none.
     */
    @Transactional(readOnly = true)
    public Map<Long, AccountView> views(Collection<Long> ids) {
        List<Long> wanted = ids.stream().distinct().toList();
        Map<Long, AccountView> views = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += NAMES_PER_QUERY) {
            accounts.findWithOwnerByIdIn(wanted.subList(from, Math.min(from + NAMES_PER_QUERY, wanted.size())))
                    .forEach(a -> views.put(a.getId(), AccountView.from(a)));
        }
        return views;
    }

    /** The ids of the active people who own at least one account, ascending. */
    @Transactional(readOnly = true)
    public List<Long> activeOwnerIds() {
        return accounts.findActiveOwnerIds();
    }

    /** Customers (not churned) whose renewal date lies in the inclusive range (entities, owner loaded lazily), by id. */
    @Transactional(readOnly = true)
    public List<Account> renewingBetween(LocalDate from, LocalDate to) {
        return accounts.findByRenewalDateBetweenAndChurnedOnIsNullOrderById(from, to);
    }

    /**
     * Who owns accounts in the territory, the one with most of them first (then by user name). A territory is one
     * however it is spelled: accounts and the territory are compared in the form {@link Text#key} gives, as lead
     * sources are, so "benelux", "BENELUX" and "US  east" are the accounts' "Benelux" and "US East" (found by the
     * session 35 probe: a lead's "canada" skipped the owner of the Canada accounts). Churned accounts count: they
     * stay their owner's.
     *
     * @param territory the territory as written, not null
     * @return the owners, none when no account is in it
     */
    @Transactional(readOnly = true)
    public List<Person> ownersInTerritory(String territory) {
        String key = Text.key(territory);
        List<String> spellings = key.isEmpty()
                ? List.of()
                : accounts.findTerritories().stream()
                        .filter(t -> Text.key(t).equals(key))
                        .toList();
        return spellings.isEmpty() ? List.of() : accounts.findOwnersInTerritories(spellings);
    }

    @Override
    public long countOwnedBy(Person person) {
        return accounts.countByOwner(person);
    }

    /**
     * Those among {@code people} who own at least one account, by id, in one query (a list of hundreds
     * asks once, not once each).
     */
    @Transactional(readOnly = true)
    public Set<Long> ownersAmong(Collection<Person> people) {
        return people.isEmpty()
                ? Set.of()
                : Set.copyOf(accounts.findOwnerIdsAmong(
                        people.stream().map(Person::getId).toList()));
    }

    /**
     * How many accounts each of {@code people} owns ({@link #countOwnedBy} for many), in one query: the
     * handover wizard's lists show a book size per person, and asked once each (found by session 40's review).
     *
     * @return by person id, every one of {@code people} included (0 for someone owning none)
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> countsOwnedBy(Collection<Person> people) {
        Map<Long, Long> counts = new HashMap<>();
        people.forEach(p -> counts.put(p.getId(), 0L));
        if (!counts.isEmpty()) {
            accounts.countByOwnerIdIn(counts.keySet())
                    .forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
        }
        return counts;
    }

    @Override
    public String noun() {
        return "accounts";
    }

    /** The account a path names: unknown is 404. Other features use it to attach things to an account. */
    @Transactional(readOnly = true)
    public Account account(Long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
    }

    /** The account a request body names in {@code field}: unknown is the caller's mistake (400). */
    @Transactional(readOnly = true)
    public Account referenced(Long id, String field) {
        return accounts.findById(id).orElseThrow(() -> BadRequestException.noSuch(field, "account", id));
    }

    /**
     * Checks the account a list's filter names (the commitment register's {@code ?account=}, the
     * inbox's {@code ?accountId=}): an id no account has is the caller's mistake, a mistyped or stale
     * id that an empty list would pass off as an account with nothing on it (the people directory's
     * rule for {@code ?team=}). One existence query, and none for null (no filter).
     *
     * @param accountId the filter's account id, or null when the filter is not given (accepted)
     * @param parameter the filter's name in the API and on the page, for the problem detail
     * @throws BadRequestException at {@code parameter}, "no account N", when no account has the id
     */
    @Override
    @Transactional(readOnly = true)
    public void requireExists(Long accountId, String parameter) {
        if (accountId != null && !accounts.existsById(accountId)) {
            throw BadRequestException.noSuch(parameter, "account", accountId);
        }
    }

    /**
     * The customer renewed: the account's next renewal date is {@code next}; audited as
     * {@code account.renewed} (on the timeline).
     *
     * @throws BadRequestException naming {@code nextRenewalDate} when it is not after the current
     *     renewal date, or the account churned
     */
    @Transactional
    public AccountView renew(Long id, LocalDate next) {
        Account account = account(id);
        LocalDate before = account.getRenewalDate();
        try {
            account.renew(next);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("nextRenewalDate", e.getMessage());
        }
        accounts.flush();
        audit.record(
                "account.renewed",
                "account",
                id,
                id,
                fields("renewalDate", String.valueOf(before)),
                fields("renewalDate", next.toString()));
        return AccountView.from(account);
    }

    /** The customer did not renew: the account is marked churned on {@code on} (audited as {@code account.churned}). */
    @Transactional
    public AccountView churn(Long id, LocalDate on) {
        Account account = account(id);
        if (account.getChurnedOn() == null) {
            account.churn(on);
            accounts.flush();
            audit.record("account.churned", "account", id, id, null, fields("churnedOn", on.toString()));
        }
        return AccountView.from(account);
    }

    /** A renewal date set by a person must not have passed, judged in the owner's time zone (the company's if none). */
    private void requireFutureRenewal(LocalDate renewalDate, Person owner) {
        LocalDate today = LocalDate.now(clock.withZone(zones.of(owner)));
        if (renewalDate != null && renewalDate.isBefore(today)) {
            throw new BadRequestException(
                    "renewalDate", renewalDate + " has passed (today is " + today + " for the account's owner)");
        }
    }

    private static Map<String, Object> snapshot(Account a) {
        return fields(
                "name",
                a.getName(),
                "owner",
                a.getOwner() == null ? null : a.getOwner().getUsername(),
                "segment",
                a.getSegment(),
                "territory",
                a.getTerritory(),
                "renewalDate",
                a.getRenewalDate() == null ? null : a.getRenewalDate().toString());
    }
}
