package dev.baton.people;

import dev.baton.shared.DeliverableEmail;
import dev.baton.shared.SingleLine;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk writes and look-ups for importing teams and people from a CRM export. Writes join the
 * caller's transaction (an import is all-or-nothing) and are batched, not one entity at a time.
 */
@Service
public class PeopleImports {

    private static final Logger log = LoggerFactory.getLogger(PeopleImports.class);

    /** A team row: its key (lower-case letters, digits and dashes) and display name. */
    public record ImportedTeam(
            String key,
            @NotBlank @Size(max = 200) @SingleLine String name) {}

    /**
     * A person row, matched to an existing person by e-mail (case-insensitive). What the file has no
     * column for is kept for an existing person and defaulted for a new one: {@code teamGiven} false keeps
     * the team (new: none), otherwise {@code teamId} replaces it (null: no team); {@code roles} null keeps
     * the roles (new: REP), otherwise replaces them; {@code active} null keeps the flag (new: active);
     * {@code externalId} may be null; {@code timeZone} an IANA region id already checked ({@link
     * TimeZones#region}), or null to keep the person's (a new person: the company's). {@code username} is
     * written for a new person only. {@code managerGiven} false keeps the manager (new: none), otherwise
     * {@code manager} (a username or e-mail address in lower case, checked by {@link #whyNotManagedBy})
     * replaces it (null: no manager), linked by {@link #linkManagers}.
     */
    public record ImportedPerson(
            String externalId,
            String username,

            @NotBlank @Email @Size(max = 254) @SingleLine @DeliverableEmail
            String email,

            @NotBlank @Size(max = 200) @SingleLine String fullName,
            boolean teamGiven,
            Long teamId,
            Set<Role> roles,
            Boolean active,
            String timeZone,
            boolean managerGiven,
            String manager) {

        /** A row of a file without a manager column: the person keeps their manager (new: none). */
        public ImportedPerson(
                String externalId,
                String username,
                String email,
                String fullName,
                boolean teamGiven,
                Long teamId,
                Set<Role> roles,
                Boolean active,
                String timeZone) {
            this(externalId, username, email, fullName, teamGiven, teamId, roles, active, timeZone, false, null);
        }
    }

    /** Someone an imported record names as its owner or author. */
    public record PersonRef(long id, String username, String fullName, boolean active) {}

    /**
     * Why a row may not change a person: the column refused ({@code active}, {@code roles}, or {@code team}
     * or {@code manager} for a pending successor) and the reason.
     */
    public record Refusal(String column, String problem) {}

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final People people;
    private final PeopleService rules;
    private final Deactivations deactivations;
    private final TeamMembers members;
    private final Teams teams;

    PeopleImports(
            JdbcTemplate jdbc,
            PasswordEncoder passwords,
            People people,
            PeopleService rules,
            Deactivations deactivations,
            TeamMembers members,
            Teams teams) {
        this.members = members;
        this.teams = teams;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.people = people;
        this.rules = rules;
        this.deactivations = deactivations;
    }

    /**
     * Makes the import's transaction the only change to people until it ends, as an API change is
     * ({@link PeopleService#holdPeople}): call it before the import reads anyone. Harmless when held.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdPeopleChanges() {
        rules.holdPeople();
    }

    /**
     * Holds a row to the rules the API holds a deactivation and a change of roles to, so a file cannot
     * do what {@link PeopleService#deactivate} or {@link PeopleService#update} refuses: an active person
     * leaves only once they own no work and manage no active people, the last active admin stays an
     * admin, and whoever may manage keeps MANAGER or ADMIN while active people report to them (the
     * rules are {@link PeopleService}'s, not repeated here). Someone inactive whom the row makes active
     * again must report to someone who may manage ({@link PeopleService#whyNotManage}, the API's rule for
     * {@code managerId}): a manager who stays inactive, or is no MANAGER or ADMIN, as the file leaves them
     * is refused at {@code active} on this row (a manager the file itself deactivates or demotes is refused
     * on the manager's row instead). New people are never refused, nor are people inactive already whom
     * the row leaves inactive, nor a row whose file has no {@code active} (or no {@code roles}) column on
     * that column: it keeps the person's flag (roles). Reads the person as they are before this row is
     * written, and everyone else as the whole file leaves them ({@code file}): an active person reports to
     * a manager the file deactivates or demotes whichever row makes them active, and a row's promotion or
     * deactivation counts for the rows before it too.
     *
     * @param row a checked row (its e-mail address is valid)
     * @param adminsLosing ids of the active admins that earlier rows of the same import deactivate or take
     *     ADMIN from, so that several rows cannot together remove the last one; the row's person is added
     *     when this row does so and is not refused
     * @param file what every row of the file does to roles and the active flag
     * @return the refusal on {@code active} (the row deactivates them, or reactivates them under someone
     *     who may not manage) or {@code roles} (the row takes their ADMIN role, or the last of MANAGER and
     *     ADMIN while they manage active people), or {@code roles}, {@code team} or {@code manager} when
     *     a running handover is still to move accounts to them and its successor rule would refuse them as
     *     the row leaves them ({@link #whyNotChangeSuccessor}); empty when the row may go ahead
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<Refusal> refusal(ImportedPerson row, Set<Long> adminsLosing, PeopleFile file) {
        Person person = people.findByEmailIgnoreCase(row.email()).orElse(null);
        if (person != null && !person.isActive() && Boolean.TRUE.equals(row.active())) {
            return whyNotReactivate(person, file).map(r -> new Refusal("active", r));
        }
        if (person == null || !person.isActive()) {
            return Optional.empty();
        }
        if (!file.counted()) {
            count(file);
        }
        PeopleService.Alongside alongside = file.alongside(adminsLosing);
        boolean staysActive = row.active() == null || row.active();
        boolean staysAdmin = staysActive
                && (row.roles() == null
                        ? person.hasRole(Role.ADMIN)
                        : row.roles().contains(Role.ADMIN));
        Optional<Refusal> refusal = !staysActive
                ? rules.whyNotDeactivate(person, alongside).map(r -> new Refusal("active", r))
                : (staysAdmin ? Optional.<String>empty() : rules.whyNotLoseAdmin(person, alongside))
                        .or(() -> row.roles() == null
                                ? Optional.<String>empty()
                                : rules.whyNotLoseManager(person, row.roles(), alongside))
                        .map(r -> new Refusal("roles", r))
                        .or(() -> whyNotChangeSuccessor(person, row));
        if (refusal.isEmpty() && person.hasRole(Role.ADMIN) && !staysAdmin) {
            adminsLosing.add(person.getId());
        }
        return refusal;
    }

    /**
     * The API's rule for a pending successor ({@link PeopleService#whyNotChangeSuccessor}), for the roles,
     * team and manager the row leaves the person with (a column the file lacks keeps theirs). A manager
     * not in Baton yet (a new person of the file) is read as no manager: in nobody's line.
     *
     * @return the refusal at {@code roles}, {@code team} or {@code manager}; empty when none
     */
    private Optional<Refusal> whyNotChangeSuccessor(Person person, ImportedPerson row) {
        Set<Role> roles = row.roles() == null ? person.getRoles() : row.roles();
        Team team = !row.teamGiven()
                ? person.getTeam()
                : row.teamId() == null ? null : teams.findById(row.teamId()).orElse(null);
        Person manager = !row.managerGiven()
                ? person.getManager()
                : row.manager() == null
                        ? null
                        : people.findByUsername(row.manager())
                                .or(() -> people.findByEmailIgnoreCase(row.manager()))
                                .orElse(null);
        return rules.whyNotChangeSuccessor(person, roles, team, manager)
                .map(r -> new Refusal(
                        switch (r.field()) {
                            case "teamId" -> "team";
                            case "managerId" -> "manager";
                            default -> r.field();
                        },
                        r.problem()));
    }

    /**
     * Why someone inactive may not be made active again: their manager, as the whole file leaves them,
     * may not manage ({@link PeopleService#whyNotManage}). A manager who may manage now and has a row of
     * their own is judged at that row, which counts this reactivation among their active reports.
     */
    private Optional<String> whyNotReactivate(Person person, PeopleFile file) {
        PeopleFile.Change own = file.changes().get(person.getEmail().toLowerCase(Locale.ROOT));
        if (own != null && own.managerGiven()) {
            return Optional.empty(); // the file gives them a manager: judged at its manager column
        }
        Person manager = person.getManager();
        if (manager == null) {
            return Optional.empty();
        }
        PeopleFile.Change change = file.changes().get(manager.getEmail().toLowerCase(Locale.ROOT));
        boolean managesNow = PeopleService.whyNotManage(manager.getFullName(), manager.isActive(), manager.getRoles())
                .isEmpty();
        if (change != null && managesNow) {
            return Optional.empty();
        }
        boolean active = change == null || change.active() == null ? manager.isActive() : change.active();
        Set<Role> roles = change == null || change.roles() == null ? manager.getRoles() : change.roles();
        return PeopleService.whyNotManage(manager.getFullName(), active, roles)
                .map(reason -> person.getFullName() + "'s manager " + reason
                        + (active
                                ? ""
                                : ": reactivate them too, or give " + person.getFullName() + " another manager first"));
    }

    /**
     * Reads what the file does to the counts the rules read, once: how many people become active admins
     * (promoted, reactivated or new) and, by manager, how many more active people report to them. A column
     * the file has no row for keeps the person's value, as {@link #upsertPeople} does.
     */
    private void count(PeopleFile file) {
        known(file);
        Map<String, PeopleFile.Change> changes = new HashMap<>(file.changes());
        long[] adminsGained = {0};
        Map<Long, Long> reportsGained = new HashMap<>();
        jdbc.query(
                """
                select p.id, lower(p.email), p.active, p.manager_id,
                  coalesce(array_agg(r.role) filter (where r.role is not null), '{}')
                from person p left join person_role r on r.person_id = p.id
                where lower(p.email) = any(?) group by p.id""",
                rs -> {
                    PeopleFile.Change change = changes.remove(rs.getString(2));
                    boolean activeNow = rs.getBoolean(3);
                    Set<String> rolesNow = Set.of((String[]) rs.getArray(5).getArray());
                    boolean activeAfter = change.active() == null ? activeNow : change.active();
                    boolean adminAfter = activeAfter
                            && (change.roles() == null
                                    ? rolesNow.contains(Role.ADMIN.name())
                                    : change.roles().contains(Role.ADMIN));
                    if (adminAfter && !(activeNow && rolesNow.contains(Role.ADMIN.name()))) {
                        adminsGained[0]++;
                    }
                    long manager = rs.getLong(4);
                    Long managerNow = rs.wasNull() ? null : manager;
                    Long managerAfter = change.managerGiven() ? knownId(change.manager(), file) : managerNow;
                    if (activeNow && managerNow != null) {
                        reportsGained.merge(managerNow, -1L, Long::sum);
                    }
                    if (activeAfter && managerAfter != null) {
                        reportsGained.merge(managerAfter, 1L, Long::sum);
                    }
                },
                (Object) file.changes().keySet().toArray(String[]::new));
        // who is left is new: active unless the row says not, under the manager it names (if in Baton already)
        changes.values().stream()
                .filter(c -> (c.active() == null || c.active()) && c.managerGiven())
                .map(c -> knownId(c.manager(), file))
                .filter(id -> id != null)
                .forEach(id -> reportsGained.merge(id, 1L, Long::sum));
        changes.values().stream()
                .filter(c -> (c.active() == null || c.active())
                        && c.roles() != null
                        && c.roles().contains(Role.ADMIN))
                .forEach(c -> adminsGained[0]++);
        file.counted(adminsGained[0], reportsGained);
    }

    /**
     * The API's rules for {@code managerId} ({@link PeopleService#update}), for a people row's {@code manager}
     * column, by the people as the whole file leaves them: the manager is someone Baton has or a row of the file
     * creates (whatever the row order), not the row's own person, may manage as the file leaves them (active, and
     * MANAGER or ADMIN: {@link PeopleService#whyNotManage}), and is not someone who reports to the row's person,
     * directly or through others, once every row's manager is set (a reporting loop).
     *
     * @param email the row's e-mail address (a checked row)
     * @param manager the row's manager cell, a username or e-mail address (any case); null for none
     * @param file what every row of the file does, read before any row is judged
     * @return why the row may not give its person this manager, in words naming the people; empty when it may
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<String> whyNotManagedBy(String email, String manager, PeopleFile file) {
        if (manager == null) {
            return Optional.empty();
        }
        known(file);
        String self = email.toLowerCase(Locale.ROOT);
        String boss = emailOf(manager.toLowerCase(Locale.ROOT), file);
        if (boss == null) {
            return Optional.of("no person has this username or e-mail address, in Baton or in another row of this file"
                    + " that can be imported: correct it, or add the manager's row");
        }
        if (boss.equals(self)) {
            return Optional.of("names " + fullName(self, file) + " themselves: nobody can be their own manager");
        }
        PeopleFile.Change change = file.changes().get(boss);
        PeopleFile.Known was = file.known().get(boss);
        boolean active = change != null && change.active() != null ? change.active() : was == null || was.active();
        Set<Role> roles = change != null && change.roles() != null
                ? change.roles()
                : was == null ? Set.of(Role.REP) : was.roles();
        Optional<String> cannot = PeopleService.whyNotManage(fullName(boss, file), active, roles);
        if (cannot.isPresent()) {
            return cannot;
        }
        List<String> chain = new ArrayList<>();
        for (String above = boss;
                above != null
                        && chain.size() <= file.known().size() + file.changes().size(); ) {
            chain.add(fullName(above, file));
            if (above.equals(self)) {
                return Optional.of(fullName(self, file) + " cannot report to " + fullName(boss, file)
                        + ": that would make a reporting loop (" + String.join(" reports to ", chain) + ")");
            }
            above = managerAfter(above, file);
        }
        return Optional.empty();
    }

    /** The lower-case e-mail address of whoever a manager cell names (username or e-mail), in the file or Baton. */
    private static String emailOf(String manager, PeopleFile file) {
        if (manager.contains("@")) {
            return file.changes().containsKey(manager) || file.known().containsKey(manager) ? manager : null;
        }
        String inFile = file.emailOfUsername(manager);
        if (inFile != null) {
            return inFile;
        }
        return file.knownEmailOfUsername(manager);
    }

    /** The manager's e-mail address once the file is imported: the file's, else Baton's; null for none. */
    private static String managerAfter(String email, PeopleFile file) {
        PeopleFile.Change change = file.changes().get(email);
        if (change != null && change.managerGiven()) {
            return change.manager() == null ? null : emailOf(change.manager(), file);
        }
        PeopleFile.Known was = file.known().get(email);
        return was == null ? null : was.managerEmail();
    }

    private static String fullName(String email, PeopleFile file) {
        PeopleFile.Change change = file.changes().get(email);
        if (change != null && change.fullName() != null) {
            return change.fullName();
        }
        PeopleFile.Known was = file.known().get(email);
        return was == null ? email : was.fullName();
    }

    /** The Baton id of whoever a manager cell names, when Baton has them already; null otherwise. */
    private static Long knownId(String manager, PeopleFile file) {
        if (manager == null) {
            return null;
        }
        String email = emailOf(manager, file);
        PeopleFile.Known was = email == null ? null : file.known().get(email);
        return was == null ? null : was.id();
    }

    /** Reads everyone Baton has into {@code file}, once: one query, one row per employee. */
    private void known(PeopleFile file) {
        if (file.known() != null) {
            return;
        }
        Map<String, PeopleFile.Known> known = new HashMap<>();
        jdbc.query("""
                select p.id, lower(p.email), p.username, p.full_name, p.active, lower(m.email),
                  coalesce(array_agg(r.role) filter (where r.role is not null), '{}')
                from person p left join person m on m.id = p.manager_id
                  left join person_role r on r.person_id = p.id
                group by p.id, m.email""", rs -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : (String[]) rs.getArray(7).getArray()) {
                roles.add(Role.valueOf(role));
            }
            known.put(
                    rs.getString(2),
                    new PeopleFile.Known(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBoolean(5),
                            roles,
                            rs.getString(6)));
        });
        file.known(known);
    }

    /**
     * Gives the people of {@code rows} (just written by {@link #upsertPeople}) the managers their rows name,
     * and those of earlier chunks whose manager a row of this chunk created: a manager may come later in the
     * file than the people under them. Call after each chunk's {@link #upsertPeople}; by the end of a file
     * whose rows all passed {@link #whyNotManagedBy}, everyone is linked. Joins the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void linkManagers(List<ImportedPerson> rows, PeopleFile file) {
        rows.stream().filter(ImportedPerson::managerGiven).forEach(p -> file.awaitManager(p.email(), p.manager()));
        if (file.awaitingManager().isEmpty()) {
            return;
        }
        List<String> emails = List.copyOf(file.awaitingManager().keySet());
        List<String> linked = jdbc.queryForList(
                """
        update person p set manager_id = m.id, version = p.version + 1, updated_at = now()
        from unnest(?::text[], ?::text[]) as r (email, manager)
          left join person m on lower(m.email) = r.manager or m.username = r.manager
        where lower(p.email) = r.email and (r.manager is null or m.id is not null)
        returning lower(p.email)""",
                String.class,
                emails.toArray(String[]::new),
                emails.stream().map(file.awaitingManager()::get).toArray(String[]::new));
        file.managersLinked(linked);
    }

    /**
     * Whether {@code row} deactivates someone active now: the person whose launched runs then stop at
     * their next building block (blocks act with the launcher's rights, and someone who has left has
     * none; ADR 014), as the API's deactivation warns ({@link Deactivations#runsThatWouldStop}). Reads
     * the person as they are before this row is written; asks nothing of the engine, so it can be
     * asked inside the import's transaction. The runs are listed after it ({@link #runsLaunchedBy}).
     *
     * @param row a checked row (its e-mail address is valid)
     * @return the person's id, when the row deactivates ({@code active} false) someone active now
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<Long> deactivatesSomeoneActive(ImportedPerson row) {
        if (row.active() == null || row.active()) {
            return Optional.empty();
        }
        return people.findByEmailIgnoreCase(row.email())
                .filter(Person::isActive)
                .map(Person::getId);
    }

    /**
     * The running playbook runs person {@code personId} launched ({@link
     * Deactivations#runsThatWouldStop}), for the report of an import that deactivates them. Asks the
     * engine, so call it with no transaction open (issue 15: no engine call while the import's row
     * locks are held): after the import's transaction has ended.
     *
     * <p>An import of people must not fail because the runs cannot be listed (the engine does not
     * answer): that is logged at WARN and told by an empty answer.
     *
     * @return the runs, oldest first (empty when none, or when no playbook module runs); empty
     *     optional when they could not be listed
     */
    public Optional<List<LaunchedRun>> runsLaunchedBy(long personId) {
        try {
            return Optional.of(deactivations.runsThatWouldStop(personId));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not list the playbook runs {} launched, which an import deactivating them stops: {}",
                    people.findById(personId).map(Person::getUsername).orElse("person " + personId),
                    e.toString());
            return Optional.empty();
        }
    }

    /**
     * A team Baton has, as a teams file's row for its key finds it: its id, name, and whether an import made it
     * (false for a team made in Baton, through the API or as demo data, and for one imported before V77).
     */
    public record KnownTeam(long id, String name, boolean imported) {}

    /** Every team, by key, as {@link KnownTeam}. One query. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, KnownTeam> teamsByKey() {
        Map<String, KnownTeam> teams = new HashMap<>();
        jdbc.query("select key, id, name, external_source is not null from team", rs -> {
            teams.put(rs.getString(1), new KnownTeam(rs.getLong(2), rs.getString(3), rs.getBoolean(4)));
        });
        return teams;
    }

    /** Team ids by key, every team. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, Long> teamIdsByKey() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select key, id from team", rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }

    /**
     * Everyone, indexed the ways a CRM export names an owner: by e-mail (lower case), by full name
     * (lower case, spaces collapsed; a name two people share matches neither) and by external id of
     * {@code source}. Small: one entry per employee.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, List<PersonRef>> directory(String source) {
        Map<String, List<PersonRef>> byKey = new HashMap<>();
        jdbc.query("select id, username, full_name, active, email, external_source, external_id from person", rs -> {
            PersonRef ref = new PersonRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
            add(byKey, "email:" + rs.getString(5).toLowerCase(Locale.ROOT), ref);
            add(byKey, "name:" + normaliseName(ref.fullName()), ref);
            add(byKey, "username:" + ref.username(), ref);
            if (source.equals(rs.getString(6))) {
                add(byKey, "id:" + rs.getString(7), ref);
            }
        });
        return byKey;
    }

    /** How {@link #directory} keys a full name. */
    public static String normaliseName(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * Creates teams not there yet, recording {@code source} as where they came from, and renames those that are
     * (which keep where they came from); returns how many were there already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int upsertTeams(String source, List<ImportedTeam> teams) {
        Set<String> existing = existing(
                "select key from team where key = any(?)",
                teams.stream().map(ImportedTeam::key).toList());
        jdbc.batchUpdate(
                "insert into team (key, name, external_source) values (?, ?, ?) on conflict (key) do update set"
                        + " name = excluded.name, version = team.version + 1, updated_at = now()",
                teams,
                500,
                (ps, t) -> {
                    ps.setString(1, t.key());
                    ps.setString(2, t.name());
                    ps.setString(3, source);
                });
        return existing.size();
    }

    /**
     * Creates people not there yet (matched by e-mail) and updates those that are. New people get an
     * unusable password: an admin sets one ({@link PersonPasswords#set}) before they sign in. Returns how many were there already.
     *
     * <p>A column the file does not have changes nothing for people who exist: a re-import of
     * {@code email,full_name} only renames them and keeps their team, roles, active flag, time zone and
     * username, so an HR export of names neither empties teams, demotes managers nor brings leavers back.
     * New people get the defaults: no team, REP, active, the company's time zone. A column the file has
     * replaces the value, a blank cell included: a blank {@code team} means no team, a blank {@code roles}
     * REP, a blank {@code active} active (a blank {@code time_zone} keeps the zone). The username is
     * written for new people only.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int upsertPeople(String source, List<ImportedPerson> rows) {
        Set<String> existing = existing(
                "select lower(email) from person where lower(email) = any(?)",
                rows.stream().map(p -> p.email().toLowerCase(Locale.ROOT)).toList());
        // the teams these rows take people out of (read before they do) and into: their active members may change
        members.changedKeys(teamsTouched(rows));
        String unusable = passwords.encode(UUID.randomUUID().toString());
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("""
        insert into person (username, email, full_name, password_hash, team_id, active, external_source, external_id,
          time_zone)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict ((lower(email))) do update set full_name = excluded.full_name,
          team_id = case when ? then excluded.team_id else person.team_id end,
          time_zone = coalesce(excluded.time_zone, person.time_zone),
          active = case when ? then excluded.active else person.active end, external_source = coalesce(excluded.external_source, person.external_source),
          sessions_valid_from = case when ? and person.active and not excluded.active then ? else person.sessions_valid_from end,
          external_id = coalesce(excluded.external_id, person.external_id), version = person.version + 1, updated_at = ?""", rows, 500, (ps, p) -> {
            ps.setString(1, p.username());
            ps.setString(2, p.email());
            ps.setString(3, p.fullName());
            ps.setString(4, unusable);
            ps.setObject(5, p.teamId());
            ps.setBoolean(6, p.active() == null || p.active());
            ps.setString(7, p.externalId() == null ? null : source);
            ps.setString(8, p.externalId());
            ps.setString(9, p.timeZone());
            ps.setBoolean(10, p.teamGiven());
            ps.setBoolean(11, p.active() != null);
            // a row that deactivates someone ends their sessions, as PeopleService#deactivate does (Person#endSessions)
            ps.setBoolean(12, p.active() != null);
            ps.setTimestamp(13, now);
            ps.setTimestamp(14, now);
        });
        // roles: replaced when the file has the column, REP for someone new, else untouched
        List<ImportedPerson> replacing =
                rows.stream().filter(p -> p.roles() != null).toList();
        jdbc.batchUpdate(
                "delete from person_role where person_id = (select id from person where lower(email) = lower(?))",
                replacing,
                500,
                (ps, p) -> ps.setString(1, p.email()));
        List<Object[]> roles = new ArrayList<>();
        for (ImportedPerson p : rows) {
            Set<Role> given = p.roles() != null
                    ? p.roles()
                    : existing.contains(p.email().toLowerCase(Locale.ROOT)) ? Set.of() : Set.of(Role.REP);
            given.forEach(r -> roles.add(new Object[] {r.name(), p.email()}));
        }
        jdbc.batchUpdate(
                "insert into person_role (person_id, role) select id, ? from person where lower(email) = lower(?)",
                roles);
        return existing.size();
    }

    /**
     * The keys of the teams {@code rows} may change the active members of: the teams a row with a team or an
     * active column puts its person in, and the team that person is in now. One query; none for no such row.
     */
    private List<String> teamsTouched(List<ImportedPerson> rows) {
        List<ImportedPerson> touching =
                rows.stream().filter(p -> p.teamGiven() || p.active() != null).toList();
        if (touching.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList(
                "select key from team where id = any(?) or id in (select team_id from person where lower(email) = any(?))",
                String.class,
                touching.stream()
                        .map(ImportedPerson::teamId)
                        .filter(Objects::nonNull)
                        .toArray(Long[]::new),
                touching.stream().map(p -> p.email().toLowerCase(Locale.ROOT)).toArray(String[]::new));
    }

    /**
     * The e-mail addresses (lower case) of those of {@code rows} whose person exists and to whom {@link
     * #upsertPeople} and {@link #linkManagers} would change nothing: the full name, and of what the row gives,
     * the team, time zone, active flag, external id (of {@code source}), roles (as a set) and manager (by
     * username or e-mail address, someone in Baton) are the person's already. A row that changes nothing is not
     * written, so the person's roles are not rewritten nor their version bumped (session 44: every such row
     * counted "updated"). One query for the rows, an index look-up per row.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Set<String> unchangedPeople(String source, List<ImportedPerson> rows) {
        Set<String> same = new java.util.HashSet<>();
        if (rows.isEmpty()) {
            return same;
        }
        jdbc.query(
                """
        select r.email
        from unnest(?::text[], ?::text[], ?::boolean[], ?::bigint[], ?::text[], ?::boolean[], ?::text[], ?::text[],
            ?::boolean[], ?::text[])
            as r (email, full_name, team_given, team_id, time_zone, active, external_id, roles, manager_given, manager)
          cross join lateral (select * from person where lower(email) = r.email offset 0) p
        where p.full_name = r.full_name
          and (not r.team_given or p.team_id is not distinct from r.team_id)
          and (r.time_zone is null or p.time_zone is not distinct from r.time_zone)
          and (r.active is null or p.active = r.active)
          and (r.external_id is null or (p.external_id = r.external_id and p.external_source = ?))
          and (r.roles is null or (select array_agg(role::text) from person_role where person_id = p.id)
            @> string_to_array(r.roles, ',') and (select array_agg(role::text) from person_role where person_id = p.id)
            <@ string_to_array(r.roles, ','))
          and (not r.manager_given or (case when r.manager is null then p.manager_id is null
            else p.manager_id = (select m.id from person m where lower(m.email) = r.manager or m.username = r.manager
              limit 1) end))""",
                rs -> {
                    same.add(rs.getString(1));
                },
                rows.stream().map(p -> p.email().toLowerCase(Locale.ROOT)).toArray(String[]::new),
                rows.stream().map(ImportedPerson::fullName).toArray(String[]::new),
                rows.stream().map(ImportedPerson::teamGiven).toArray(Boolean[]::new),
                rows.stream().map(ImportedPerson::teamId).toArray(Long[]::new),
                rows.stream().map(ImportedPerson::timeZone).toArray(String[]::new),
                rows.stream().map(ImportedPerson::active).toArray(Boolean[]::new),
                rows.stream().map(ImportedPerson::externalId).toArray(String[]::new),
                rows.stream()
                        .map(p -> p.roles() == null
                                ? null
                                : p.roles().stream().map(Role::name).collect(Collectors.joining(",")))
                        .toArray(String[]::new),
                rows.stream().map(ImportedPerson::managerGiven).toArray(Boolean[]::new),
                rows.stream().map(ImportedPerson::manager).toArray(String[]::new),
                source);
        return same;
    }

    /** Usernames taken by someone with another e-mail address: (username → that person's e-mail). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, String> usernamesTaken(Collection<String> usernames) {
        Map<String, String> taken = new HashMap<>();
        jdbc.query(
                "select username, lower(email) from person where username = any(?)",
                rs -> {
                    taken.put(rs.getString(1), rs.getString(2));
                },
                (Object) usernames.toArray(String[]::new));
        return taken;
    }

    private Set<String> existing(String sql, List<String> keys) {
        return jdbc.queryForList(sql, String.class, (Object) keys.toArray(String[]::new)).stream()
                .collect(Collectors.toSet());
    }

    private static void add(Map<String, List<PersonRef>> byKey, String key, PersonRef ref) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(ref);
    }
}
