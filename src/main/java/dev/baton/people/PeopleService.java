package dev.baton.people;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditLog;
import dev.baton.audit.Changes;
import dev.baton.shared.AdvisoryLocks;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import dev.baton.shared.Text;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People: who they are, their team and manager, and leaving (only once their work is handed over). */
@Service
public class PeopleService {

    private final People people;
    private final TeamService teams;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    /** A provider, because the features that own work depend on this service themselves. */
    private final ObjectProvider<OwnedWork> ownedWork;

    private final ReportingLines lines;

    private final JdbcTemplate jdbc;

    private final Leavers leavers;

    private final AdvisoryLocks locks;

    private final AbsenceService absences;

    private final TeamMembers members;

    /** A provider, as {@link #ownedWork}: the handover module implements it and depends on this service. */
    private final ObjectProvider<PendingSuccessors> pendingSuccessors;

    PeopleService(
            People people,
            JdbcTemplate jdbc,
            TeamService teams,
            PasswordEncoder passwords,
            AuditLog audit,
            ObjectProvider<OwnedWork> ownedWork,
            ReportingLines lines,
            Leavers leavers,
            AdvisoryLocks locks,
            AbsenceService absences,
            TeamMembers members,
            ObjectProvider<PendingSuccessors> pendingSuccessors) {
        this.members = members;
        this.pendingSuccessors = pendingSuccessors;
        this.absences = absences;
        this.locks = locks;
        this.lines = lines;
        this.leavers = leavers;
        this.people = people;
        this.jdbc = jdbc;
        this.teams = teams;
        this.passwords = passwords;
        this.audit = audit;
        this.ownedWork = ownedWork;
    }

    /**
     * People matching every given filter (null means any), as entities' views: the owner and member
     * pickers and the lead rotation. The people directory's search by name is {@link PeopleDirectory#find}.
     * A sort by {@code fullName} is in the one name order ({@link NameOrder}), as the directory's.
     */
    @Transactional(readOnly = true)
    public Page<PersonView> find(Long teamId, Role role, Boolean active, Pageable pageable) {
        if (pageable.getSort().getOrderFor("fullName") != null) {
            // a Sort cannot name a collation: the query orders itself, the page carries no sort
            Sort sort = pageable.getSort();
            Pageable unsorted = pageable.isPaged()
                    ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize())
                    : Pageable.unpaged();
            return people.findAll(filtered(teamId, role, active).and(orderedBy(sort)), unsorted)
                    .map(PersonView::from);
        }
        return people.findAll(filtered(teamId, role, active), pageable).map(PersonView::from);
    }

    /** Orders the query by {@code sort}, its {@code fullName} in {@link NameOrder#COLLATION}; a count is left unordered. */
    private static Specification<Person> orderedBy(Sort sort) {
        return (root, query, cb) -> {
            if (query.getResultType() != Long.class) {
                List<Order> orders = new ArrayList<>();
                for (Sort.Order o : sort) {
                    Expression<?> by = o.getProperty().equals("fullName")
                            ? ((HibernateCriteriaBuilder) cb).collate(root.get("fullName"), NameOrder.COLLATION)
                            : root.get(o.getProperty());
                    orders.add(o.isAscending() ? cb.asc(by) : cb.desc(by));
                }
                orders.add(cb.asc(root.get("id")));
                query.orderBy(orders);
            }
            return null;
        };
    }

    private static Specification<Person> filtered(Long teamId, Role role, Boolean active) {
        Specification<Person> spec = (root, query, cb) -> cb.conjunction();
        if (teamId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("team").get("id"), teamId));
        }
        if (role != null) {
            spec = spec.and((root, query, cb) -> cb.isMember(role, root.get("roles")));
        }
        if (active != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("active"), active));
        }
        return spec;
    }

    /**
     * Ids of the people no longer active (few, compared with the rows that refer to them). One plain SQL
     * query, no transaction of its own (it joins the caller's, if any): the register's "unowned" filter
     * reads it on every call (README, "Benchmarks: the commitment register").
     */
    public List<Long> inactiveIds() {
        return jdbc.queryForList("select id from person where not active order by id", Long.class);
    }

    /**
     * The ids of everyone in the manager's line, by the one definition ({@link ReportingLines}): people
     * who report to them directly or through others (not the manager). Unknown username: 404.
     */
    @Transactional(readOnly = true)
    public java.util.Set<Long> lineOf(String managerUsername) {
        java.util.Set<String> line = lines.line(signedIn(managerUsername));
        return line.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(people.findIdsByUsernameIn(line));
    }

    @Transactional(readOnly = true)
    public PersonView get(Long id) {
        return PersonView.from(person(id));
    }

    @Transactional(readOnly = true)
    public PersonView byUsername(String username) {
        return PersonView.from(signedIn(username));
    }

    /** The person behind a signed-in user name, for other features recording who did something. */
    @Transactional(readOnly = true)
    public Person signedIn(String username) {
        return people.findByUsername(username).orElseThrow(() -> new NotFoundException("person", username));
    }

    /** A person another request refers to in {@code field}: unknown is the caller's mistake (400). */
    @Transactional(readOnly = true)
    public Person referenced(Long id, String field) {
        return people.findById(id).orElseThrow(() -> BadRequestException.noSuch(field, "person", id));
    }

    /**
     * A person a request names in {@code field} as the new owner of something ({@code what}, e.g. "an
     * account").
     *
     * @return the person, who exists and is active
     * @throws BadRequestException at {@code field}: "no person N", or "Rob Jansen is inactive and cannot own
     *     an account" (by full name)
     */
    @Transactional(readOnly = true)
    public Person activeOwner(Long id, String field, String what) {
        Person owner = referenced(id, field);
        if (!owner.isActive()) {
            throw new BadRequestException(field, owner.getFullName() + " is inactive and cannot own " + what);
        }
        return owner;
    }

    /**
     * A person a request names in {@code field} to take on new work ({@code what}, e.g. "a
     * commitment"): {@link #activeOwner}, and not leaving or being handed over ({@link Leavers}), or
     * the work would be orphaned on their leaving day. Not for moving a book in a handover or back.
     *
     * @throws BadRequestException naming {@code field} for an unknown, inactive or leaving person, in words
     */
    @Transactional(readOnly = true)
    public Person newOwner(Long id, String field, String what) {
        Person owner = activeOwner(id, field, what);
        leavers.leaving(owner).ifPresent(why -> {
            throw new BadRequestException(field, why + " and cannot take on " + what);
        });
        return owner;
    }

    /**
     * Everyone {@link #newOwner} accepts, by full name ({@link NameOrder}): active, and neither leaving nor
     * being handed over ({@link Leavers#leavingAmong}, the bulk form of the rule {@link Leavers#leaving} that
     * refuses them). What a form offers as the new owner of something ("Who delivers it" on an account's
     * page), so that it offers nobody it would then refuse. A few queries however many people there are.
     *
     * @return the people, as views; none when nobody is active
     */
    @Transactional(readOnly = true)
    public List<PersonView> newOwners() {
        return takingNewWork().stream().map(PersonView::from).toList();
    }

    /**
     * One person a form may offer {@code actor} as the new owner of work ({@link #newOwnersFor}).
     *
     * @param whateverTeamDelivers the actor may give them the work whichever team delivers it (themselves,
     *     their team or line; anyone for an admin); when false, only when the person's own team ({@code
     *     person.teamId()}) is the one that delivers it
     */
    public record NewOwnerChoice(PersonView person, boolean whateverTeamDelivers) {}

    /**
     * Whom {@code actor} may name as the new owner of new or moved work, exactly as the refusals judge it:
     * {@link #newOwner} (active, neither leaving nor being handed over: {@link #newOwners}) and {@link
     * ReportingLines#mayGiveWorkTo}, the rule {@link ReportingLines#requireMayGiveWorkTo} refuses by. Each of
     * {@link #newOwners} whom the actor may give work to whatever team delivers it, and, marked so, each other
     * one who has a team, whom the actor may give it to when that team delivers it. What "Who delivers it" on
     * an account's page offers, so that it offers nobody recording the promise then refuses. By full name.
     *
     * @param actor the signed-in person's user name
     * @return the choices, by full name
     * @throws NotFoundException when nobody has that user name
     */
    @Transactional(readOnly = true)
    public List<NewOwnerChoice> newOwnersFor(String actor) {
        Person me = signedIn(actor);
        List<Person> candidates = takingNewWork();
        Set<Long> anyTeam = lines.mayGiveWorkToWhateverTeamDelivers(me, candidates);
        return candidates.stream()
                .filter(p -> anyTeam.contains(p.getId()) || p.getTeam() != null)
                .map(p -> new NewOwnerChoice(PersonView.from(p), anyTeam.contains(p.getId())))
                .toList();
    }

    /** {@link #newOwners} as entities, for the type-ahead; in the caller's transaction. */
    List<Person> takingNewWork() {
        List<Person> active = people.findAll(filtered(null, null, true).and(orderedBy(Sort.by("fullName"))));
        Set<Long> leaving = leavers.leavingAmong(active);
        return active.stream().filter(p -> !leaving.contains(p.getId())).toList();
    }

    @Transactional
    public PersonView create(NewPerson n) {
        requireRoles(n.roles());
        requireOwnUsername(n.username());
        holdPeople();
        if (people.existsByUsername(n.username())) {
            throw new ConflictException("username", "'" + n.username() + "' is already taken");
        }
        requireFreeEmail(n.email());
        Team team = team(n.teamId());
        Person manager = manager(n.managerId());
        String zone = n.timeZone() == null
                ? null
                : TimeZones.region(n.timeZone(), "timeZone").getId();
        Person person = new Person(n.username(), n.fullName(), n.email(), passwords.encode(n.password()), n.roles());
        person.moveToTimeZone(zone);
        person.joinTeam(team);
        person.reportTo(manager);
        people.save(person);
        audit.record("person.created", "person", person.getId(), null, null, snapshot(person));
        members.changed(Collections.singleton(team)); // new people are active: a team may have its first
        return PersonView.from(person);
    }

    /**
     * Changes a person's details, team, manager, roles and time zone.
     *
     * @param id the person
     * @param c the changes, with the version they were read at
     * @return the person as now
     * @throws ConflictException (409) for a stale version, an e-mail address someone else has (naming
     *     {@code email}), or roles the person may not lose yet (naming {@code roles}): the last active
     *     admin's ADMIN, or the last of MANAGER and ADMIN while active people report to them
     *     ({@link #whyNotLoseManager}), or roles, a team or a manager the successor rule of a handover still
     *     to move accounts to them refuses (naming {@code roles}, {@code teamId} or {@code managerId} and the
     *     handover: {@link #whyNotChangeSuccessor})
     * @throws BadRequestException naming the field for an unknown team or manager, a manager who may not
     *     manage, a reporting loop or a time zone that is no region
     */
    @Transactional
    public PersonView update(Long id, PersonChanges c) {
        requireRoles(c.roles());
        holdPeople();
        Person person = person(id);
        Changes.requireVersion(c.version(), person.getVersion(), "person " + id);
        if (!person.getEmail().equalsIgnoreCase(c.email())) {
            requireFreeEmail(c.email());
        }
        Team team = team(c.teamId());
        Person manager = manager(c.managerId());
        String zone = c.timeZone() == null
                ? null
                : TimeZones.region(c.timeZone(), "timeZone").getId();
        requireAdminLeft(person, c.roles().contains(Role.ADMIN), "lose the admin role");
        whyNotLoseManager(person, c.roles(), Alongside.NONE).ifPresent(reason -> {
            throw new ConflictException("roles", reason);
        });
        whyNotChangeSuccessor(person, c.roles(), team, manager).ifPresent(r -> {
            throw new ConflictException(r.field(), r.problem());
        });
        Map<String, Object> before = snapshot(person);
        try {
            person.reportTo(manager);
        } catch (IllegalArgumentException loop) {
            throw new BadRequestException("managerId", loop.getMessage());
        }
        Team left = person.getTeam();
        if (person.isActive() && !Objects.equals(keyOf(left), keyOf(team))) {
            members.changed(Arrays.asList(left, team)); // the one left may have nobody now, the one joined its first
        }
        person.joinTeam(team);
        person.update(c.fullName(), c.email(), c.roles());
        person.moveToTimeZone(zone);
        people.flush();
        audited(person, before);
        return PersonView.from(person);
    }

    /**
     * A person chooses their own time zone (no version needed: nothing else of theirs changes).
     *
     * @param username the signed-in person
     * @param zone an IANA region id such as {@code Europe/Berlin}; null or blank for the company's default
     * @return the person as now
     * @throws BadRequestException naming {@code timeZone} for anything that is not a region id (before
     *     anything changes)
     */
    @Transactional
    public PersonView chooseTimeZone(String username, String zone) {
        String region = zone == null || zone.isBlank()
                ? null
                : TimeZones.region(zone, "timeZone").getId();
        Person person = signedIn(username);
        Map<String, Object> before = snapshot(person);
        person.moveToTimeZone(region);
        people.flush();
        audited(person, before);
        return PersonView.from(person);
    }

    /**
     * Refused while the person still owns work (a handover moves it first, so nothing is orphaned),
     * still manages active people, is the last active admin or covers an absence not ended yet (409 each):
     * {@link #whyNotDeactivate}.
     */
    @Transactional
    public PersonView deactivate(Long id) {
        holdPeople();
        Person person = person(id);
        whyNotDeactivate(person, Alongside.NONE).ifPresent(reason -> {
            throw new ConflictException(reason);
        });
        if (person.isActive()) {
            person.deactivate();
            people.flush();
            audit.record("person.deactivated", "person", id, null, fields("active", true), fields("active", false));
            members.changed(Collections.singleton(person.getTeam()));
        }
        return PersonView.from(person);
    }

    /**
     * Makes this transaction's change to people the only one until it ends, before it reads anyone
     * ({@link AdvisoryLocks.Subject#PEOPLE_AND_HANDOVERS}): the rules here each read other people (the
     * other admins, the manager's own line, a manager's active reports), so two changes at once would
     * each pass them and together break one. Found by a probe: two admins taking each other's ADMIN role
     * left none, two people made each other's manager made a loop, and a manager deactivated while
     * someone was put under them left an active report under an inactive manager. Real people imports,
     * handover launches and changes of a handover's successor hold the same lock.
     */
    void holdPeople() {
        locks.hold(AdvisoryLocks.Subject.PEOPLE_AND_HANDOVERS);
    }

    /**
     * What the other changes made together with one (an import file's other rows) do to the counts the
     * rules read, so that a file is judged by the people as it leaves them, not as the database has them.
     *
     * @param adminsLosing ids of active admins who lose the role or leave (an import's earlier rows: a
     *     later row's is judged at that row, so the row that would remove the last admin is the one refused)
     * @param adminsGained how many people become active admins (any row of the file: promoted, reactivated
     *     or new)
     * @param activeReportsGained by manager id, how many more (negative: fewer) active people report to them
     */
    record Alongside(Set<Long> adminsLosing, long adminsGained, Map<Long, Long> activeReportsGained) {

        /** A change on its own, through the API. */
        static final Alongside NONE = new Alongside(Set.of(), 0, Map.of());
    }

    /**
     * The one definition of who may not leave yet, for {@link #deactivate} and the people import
     * ({@link PeopleImports#refusal}): the last active admin, someone who still manages active people,
     * someone who still owns work ({@link OwnedWork}: a handover moves it first, so nothing is orphaned), or
     * someone who covers an absence not ended yet ({@link AbsenceService#whyNotDeactivateCover}: its person's new
     * tasks would stay with them while away, session 46's probe).
     *
     * @param person the person to deactivate
     * @param alongside what the changes made together with this one do ({@link Alongside#NONE} for none)
     * @return the reason the person may not be deactivated, empty when they may
     */
    Optional<String> whyNotDeactivate(Person person, Alongside alongside) {
        return whyNotAdminLeft(person, false, "be deactivated", alongside)
                .or(() -> whyNotWithActiveReports(person, "be deactivated", alongside))
                .or(() -> whyNotOwningWork(person))
                .or(() -> person.isActive() ? absences.whyNotDeactivateCover(person) : Optional.empty());
    }

    /**
     * The rule that someone must still be able to manage people and teams, for a change of roles (API
     * or import): the last active admin stays one.
     *
     * @param person the person whose roles change
     * @param alongside what the changes made together with this one do ({@link Alongside#NONE} for none)
     * @return the reason the person may not lose the admin role, empty when they may (or have none)
     */
    Optional<String> whyNotLoseAdmin(Person person, Alongside alongside) {
        return whyNotAdminLeft(person, false, "lose the admin role", alongside);
    }

    /**
     * The rule that nobody active is left reporting to someone who may no longer manage, for a change
     * of roles (API or import, {@link PeopleImports#refusal}): whoever may manage ({@link #mayManage}:
     * MANAGER or ADMIN) and keeps neither role must first give their active reports another manager.
     * An admin who is not a MANAGER may be someone's manager too, so losing ADMIN counts alike.
     *
     * @param person the person whose roles change, as they are before the change
     * @param roles the roles they would have
     * @param alongside what the changes made together with this one do ({@link Alongside#NONE} for none)
     * @return the reason the person may not lose the role that lets them manage (named in it), empty
     *     when they may, keep one, or never had one
     */
    Optional<String> whyNotLoseManager(Person person, Set<Role> roles, Alongside alongside) {
        if (!mayManage(person.getRoles()) || mayManage(roles)) {
            return Optional.empty();
        }
        return whyNotWithActiveReports(
                person, person.hasRole(Role.MANAGER) ? "lose the manager role" : "lose the admin role", alongside);
    }

    /**
     * The rule that a person a running handover is still to move accounts to keeps what its successor
     * rule asks of them ({@link PendingSuccessors}), for a change of roles, team or manager (API or import,
     * {@link PeopleImports#refusal}); a deactivation is refused by {@link #whyNotDeactivate} instead.
     *
     * @return the field refused and why, naming the handover; empty when the change may go ahead
     */
    Optional<PendingSuccessors.Refusal> whyNotChangeSuccessor(
            Person person, Set<Role> roles, Team team, Person manager) {
        PendingSuccessors pending = pendingSuccessors.getIfAvailable();
        if (pending == null || !person.isActive()) {
            return Optional.empty();
        }
        return pending.whyNotChange(person, roles, team, manager);
    }

    /** The one definition of who may be someone's manager (when active): a MANAGER or an ADMIN. */
    private static boolean mayManage(Set<Role> roles) {
        return roles.contains(Role.MANAGER) || roles.contains(Role.ADMIN);
    }

    /** Someone may manage others only while active and a manager (or admin): else 400 on {@code managerId}. */
    private Person manager(Long managerId) {
        if (managerId == null) {
            return null;
        }
        Person manager = referenced(managerId, "managerId");
        whyNotManage(manager.getFullName(), manager.isActive(), manager.getRoles())
                .ifPresent(reason -> {
                    throw new BadRequestException("managerId", reason);
                });
        return manager;
    }

    /**
     * The one rule for who an active person may report to, for the API's {@code managerId} and the
     * people import ({@link PeopleImports#refusal}, which reads the manager as the whole file leaves
     * them): someone active who may manage ({@link #mayManage}).
     *
     * @param manager the manager's full name, for the message
     * @param active whether the manager is (or will be) active
     * @param roles the roles the manager has (or will have)
     * @return why they cannot be anyone's manager (named in it), empty when they can
     */
    static Optional<String> whyNotManage(String manager, boolean active, Set<Role> roles) {
        if (!active) {
            return Optional.of(manager + " is inactive and cannot manage anyone");
        }
        if (!mayManage(roles)) {
            return Optional.of(manager + " is not a manager: give them the MANAGER role first");
        }
        return Optional.empty();
    }

    /** Someone must still be able to manage people and teams: the last active admin stays one (409 at roles). */
    private void requireAdminLeft(Person person, boolean staysAdmin, String change) {
        whyNotAdminLeft(person, staysAdmin, change, Alongside.NONE).ifPresent(reason -> {
            throw new ConflictException("roles", reason);
        });
    }

    private Optional<String> whyNotAdminLeft(Person person, boolean staysAdmin, String change, Alongside alongside) {
        if (!person.isActive() || !person.hasRole(Role.ADMIN) || staysAdmin) {
            return Optional.empty();
        }
        Set<Long> gone = new HashSet<>(alongside.adminsLosing());
        gone.add(person.getId());
        if (people.countActiveWithRoleExcept(Role.ADMIN, gone) + alongside.adminsGained() > 0) {
            return Optional.empty();
        }
        return Optional.of(person.getFullName() + " is the only active admin and cannot " + change
                + ": make someone else an admin first");
    }

    private Optional<String> whyNotWithActiveReports(Person person, String change, Alongside alongside) {
        long reports = people.countByManagerAndActiveTrue(person)
                + alongside.activeReportsGained().getOrDefault(person.getId(), 0L);
        if (reports <= 0) {
            return Optional.empty();
        }
        return Optional.of(person.getFullName() + " still manages " + reports + " active "
                + (reports == 1 ? "person" : "people") + " and cannot " + change
                + ": give them another manager first");
    }

    /**
     * What they still own, each kind they own some of ("1 account and 2 open tasks"), with what to do
     * about it; none is no reason. Their own work is handed over first (or, while their handover runs,
     * it moves it); work a handover of theirs does not move says its own remedy ({@link OwnedWork#remedy}:
     * accounts coming to them in others' handovers need another successor there). "Launch a handover" was
     * refused or moved nothing for either (found by a probe).
     */
    private Optional<String> whyNotOwningWork(Person person) {
        List<String> own = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (OwnedWork work : ownedWork.orderedStream().toList()) {
            long count = work.countOwnedBy(person);
            if (count > 0) {
                String noun = work.noun();
                String owned = count + " " + (count == 1 ? noun.substring(0, noun.length() - 1) : noun);
                work.remedy(person, count)
                        .ifPresentOrElse(remedy -> elsewhere.add(owned + ": " + remedy), () -> own.add(owned));
            }
        }
        if (own.isEmpty() && elsewhere.isEmpty()) {
            return Optional.empty();
        }
        // what must happen first comes first: a handover of theirs is refused while accounts still come to them
        String it = own.size() == 1 && own.getFirst().startsWith("1 ") ? "it" : "them";
        String ownRemedy = leavers.isBeingHandedOver(person)
                ? ": their handover, under way, moves " + it + "; deactivate them once it is done"
                : ": hand " + it + " over " + (elsewhere.isEmpty() ? "first" : "after that") + " (launch a handover)";
        String name = person.getFullName();
        if (elsewhere.isEmpty()) {
            return Optional.of(name + " still owns " + Text.listed(own, "and") + ownRemedy);
        }
        String still = name + " still has " + String.join("; and ", elsewhere);
        return Optional.of(own.isEmpty() ? still : still + "; and owns " + Text.listed(own, "and") + ownRemedy);
    }

    private Person person(Long id) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("person", id));
    }

    private static String keyOf(Team team) {
        return team == null ? null : team.getKey();
    }

    private Team team(Long teamId) {
        return teamId == null ? null : teams.referenced(teamId, "teamId");
    }

    private void requireFreeEmail(String email) {
        if (people.existsByEmailIgnoreCase(email)) {
            throw new ConflictException("email", "'" + email + "' is already used by another person");
        }
    }

    /**
     * Records {@code person.updated} when the person differs from {@code before}: an edit that changes
     * nothing is no event (Hibernate writes no row, and the trail must not tell of a change either).
     */
    private void audited(Person person, Map<String, Object> before) {
        Map<String, Object> after = snapshot(person);
        if (!after.equals(before)) {
            audit.record("person.updated", "person", person.getId(), null, before, after);
        }
    }

    private static Map<String, Object> snapshot(Person p) {
        return fields(
                "username",
                p.getUsername(),
                "fullName",
                p.getFullName(),
                "email",
                p.getEmail(),
                "roles",
                p.getRoles().stream().map(Enum::name).sorted().toList(),
                "team",
                p.getTeam() == null ? null : p.getTeam().getKey(),
                "manager",
                p.getManager() == null ? null : p.getManager().getUsername(),
                "timeZone",
                p.getTimeZone());
    }

    /**
     * Why nobody may have this user name, if so: {@link AuditLog#SYSTEM}, the name Baton records its own
     * actions under (the engine's, scheduled work's), is nobody's, or whoever had it would act as Baton in
     * the audit trail and over the playbook runs Baton started (found by a probe). The database refuses it
     * too ({@code person_username_not_system}, V70). For the API ({@link #create}) and the people import.
     *
     * @param username a user name as given (lower-case)
     * @return the problem, for the field's error; empty when the name is free to take
     */
    public static Optional<String> whyReserved(String username) {
        return AuditLog.SYSTEM.equals(username)
                ? Optional.of("'" + username + "' is the name Baton records its own actions under: choose another")
                : Optional.empty();
    }

    private static void requireOwnUsername(String username) {
        whyReserved(username).ifPresent(problem -> {
            throw new BadRequestException("username", problem);
        });
    }

    /**
     * A request's roles hold no null ({@code "roles": ["REP", null]}): bean validation's element
     * constraint would name the field {@code roles[]}, so the check is here, naming {@code roles}.
     *
     * @throws BadRequestException naming {@code roles}
     */
    private static void requireRoles(Collection<Role> roles) {
        if (roles != null && roles.stream().anyMatch(Objects::isNull)) {
            throw new BadRequestException("roles", "must not contain null: use one of " + Role.names());
        }
    }
}
