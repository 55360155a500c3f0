package dev.baton.imports;

import dev.baton.people.PeopleImports;
import dev.baton.people.PeopleImports.ImportedPerson;
import dev.baton.people.PeopleImports.ImportedTeam;
import dev.baton.people.PeopleImports.KnownTeam;
import dev.baton.people.PeopleImports.PersonRef;
import dev.baton.people.PeopleService;
import dev.baton.people.Role;
import dev.baton.people.TimeZones;
import dev.baton.shared.BadRequestException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Team rows (by key) and people rows (by e-mail, in a team by its key, with roles; REP when none is given).
 * A people row may not deactivate or demote anyone the API would refuse to ({@link PeopleImports#refusal});
 * one that deactivates someone is told, as the API's deactivation is, which runs they launched will stop
 * ({@link PeopleImports#deactivatesSomeoneActive}, {@link PeopleImports#runsLaunchedBy}).
 * A row's {@code manager} (a username or e-mail address) is held to the API's rules for {@code managerId}
 * ({@link PeopleImports#whyNotManagedBy}): someone in Baton or in another row of the file, in any order.
 * A column the file does not have ({@code team}, {@code roles}, {@code active}, {@code time_zone}, {@code manager}) leaves an
 * existing person's value as it is ({@link PeopleImports#upsertPeople}); a blank cell in a column it has
 * means what it always did.
 */
@Component
class PeopleRows {

    private static final Pattern TEAM_KEY = Pattern.compile("^[a-z0-9][a-z0-9-]*$");
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9._-]+$");

    /** What a username must be, as an error says it. */
    private static final String USERNAME_RULE = "must be lower-case letters, digits, '.', '_' or '-' (at most 60)";

    private final PeopleImports people;

    PeopleRows(PeopleImports people) {
        this.people = people;
    }

    RowHandler teams() {
        return (chunk, run) -> {
            List<ImportedTeam> valid = new ArrayList<>();
            Map<String, KnownTeam> known = people.teamsByKey();
            for (ImportRow row : chunk) {
                String key = run.externalId(row, "key");
                if (key != null && (key.length() > 60 || !TEAM_KEY.matcher(key).matches())) {
                    run.error(
                            row, "key", "must be lower-case letters, digits and dashes (at most 60), e.g. sales-emea");
                }
                run.required(row, "name");
                ImportedTeam team = new ImportedTeam(key, run.text(row, "name", 200));
                run.check(row, team);
                if (run.accepted(row) && matchedTeam(row, run, known.get(key), team)) {
                    valid.add(team);
                }
            }
            if (run.writing() && !valid.isEmpty()) {
                people.upsertTeams(run.source.name(), valid);
            }
        };
    }

    /**
     * Counts a teams row as an update of the team with its key, or as a new team. The notice says where the team
     * came from: "already imported" only of a team an import made; one made in Baton (through the API, or the demo
     * data) is "already in Baton", as a person found by e-mail is (session 36's probe: a seeded team was "already
     * imported", named by its key). A row giving the team the name it has changes nothing (the upsert writes the
     * name only): it is counted unchanged and not written. Returns whether the row is to be written.
     */
    private static boolean matchedTeam(ImportRow row, ImportRun run, KnownTeam team, ImportedTeam imported) {
        boolean changes = team == null || !team.name().equals(imported.name());
        if (team == null || team.imported()) {
            run.matched(row, "key", team == null ? null : "the team " + team.name(), null, changes);
        } else {
            run.matchedInBaton(row, "key", "the team " + team.name(), "key", changes);
        }
        return changes;
    }

    RowHandler people() {
        return new RowHandler() {
            @Override
            public void handle(List<ImportRow> chunk, ImportRun run) {
                people(chunk, run);
            }

            @Override
            public boolean looksAhead() {
                return true;
            }
        };
    }

    /**
     * A people row's {@code external_id} (optional: people are matched by e-mail) is one person's in its source:
     * a second row giving it, or a row giving another person's, is an error at the column. Before session 36's
     * probe the dry run passed such a file and the real import failed on the database's unique index with the
     * SQL in its problem.
     */
    private static void personId(ImportRow row, ImportRun run, PersonRef known) {
        String id = row.get("external_id");
        if (id == null) {
            return;
        }
        if (id.length() > 100) {
            run.error(row, "external_id", "is longer than 100 characters");
            return;
        }
        long earlier = run.keys.firstRow(run.idKey("external_id", id), row.number());
        if (earlier != row.number()) {
            run.repeatError(row, "external_id", earlier, of -> "repeats the id of " + of);
            return;
        }
        PersonRef holder = run.personById(id);
        if (holder != null && (known == null || holder.id() != known.id())) {
            run.error(
                    row,
                    "external_id",
                    "is the id of " + holder.fullName() + " (" + holder.username() + ") in Baton: one id names one"
                            + " person; give this row its own id, or import the row of " + holder.fullName()
                            + " with its e-mail address");
        }
    }

    private void people(List<ImportRow> chunk, ImportRun run) {
        // before anyone is read: the rules below read other people, as the API's (PeopleService#holdPeople);
        // held until the file is written, so other changes to people wait that long (a probe: 17 s for 5,000
        // rows). A dry run writes nothing and holds nothing: its verdict is as of its reading, as any preview
        if (!run.dryRun) {
            people.holdPeopleChanges();
        }
        Map<String, Long> teams = people.teamIdsByKey();
        Map<String, String> taken = people.usernamesTaken(
                chunk.stream().map(PeopleRows::username).filter(u -> u != null).collect(Collectors.toSet()));
        List<ImportedPerson> valid = new ArrayList<>();
        List<ImportRow> validRows = new ArrayList<>();
        List<PersonRef> met = new ArrayList<>();
        for (ImportRow row : chunk) {
            String email = run.externalId(row, "email");
            if (email != null && !Values.email(email)) {
                run.error(row, "email", "is not an e-mail address");
            }
            String username = username(row);
            PersonRef known = email == null ? null : run.byEmail(email);
            if (known != null) {
                existingUsername(row, run, known, taken);
            } else if (row.get("username") == null && (email == null || !Values.email(email))) {
                // no username to check: it would come from the e-mail address, whose error says what is wrong
            } else if (username.length() > 60 || !USERNAME.matcher(username).matches()) {
                if (row.get("username") == null) {
                    // the value is the e-mail's, so the error is at the column that has it, not at one the file lacks
                    String column = usernameColumn(run.source);
                    run.error(
                            row,
                            "email",
                            "gives no username: the row has no " + column + ", so the username would be the e-mail"
                                    + " address's local part ('" + username + "'), which " + USERNAME_RULE
                                    + "; fill in " + column);
                } else {
                    run.error(row, "username", USERNAME_RULE);
                }
            } else if (PeopleService.whyReserved(username).isPresent()) {
                if (row.get("username") == null) {
                    run.error(
                            row,
                            "email",
                            "gives no username: the e-mail address's local part ('" + username
                                    + "') is the name Baton records its own actions under; fill in "
                                    + usernameColumn(run.source));
                } else {
                    run.error(
                            row, "username", PeopleService.whyReserved(username).orElseThrow());
                }
            } else if (email != null
                    && taken.containsKey(username)
                    && !taken.get(username).equalsIgnoreCase(email)) {
                PersonRef holder = run.byEmail(taken.get(username));
                usernameError(
                        row,
                        run,
                        "is taken by " + (holder == null ? taken.get(username) : holder.fullName()) + " ("
                                + taken.get(username) + ")",
                        "give another username");
            } else if (email != null) {
                // two new people of one file may not share a username (sam@a.example and sam@b.example)
                long earlier = run.keys.firstRow(usernameKey(username), row.number());
                if (earlier != row.number()) {
                    run.repeatError(
                            row,
                            usernameField(row),
                            earlier,
                            of -> usernameProblem(row, run, "repeats the username of " + of, "give each a username"));
                }
            }
            personId(row, run, known);
            Long team = null;
            boolean teamGiven = row.has("team");
            if (row.get("team") != null && (team = teams.get(row.get("team"))) == null) {
                run.error(row, "team", "no team has this key: import teams first");
            }
            Set<Role> roles = roles(row, run);
            String name = row.fullName();
            if (name.isBlank()) {
                run.error(row, "full_name", "is required (or a first and last name)");
            }
            // absent: an existing person's stays as it is (a new one is active); a blank cell: active;
            // anything but a yes or no is an error at active (read as active: the file writes nothing)
            Boolean active = row.has("active") ? !Boolean.FALSE.equals(run.bool(row, "active")) : null;
            String zone = timeZone(row, run);
            String manager =
                    row.get("manager") == null ? null : row.get("manager").toLowerCase(Locale.ROOT);
            // someone in Baton keeps their username whatever the cell says (the upsert never writes it)
            ImportedPerson person = new ImportedPerson(
                    row.get("external_id"),
                    known == null ? username : known.username(),
                    email,
                    name,
                    teamGiven,
                    team,
                    roles,
                    active,
                    zone,
                    row.has("manager"),
                    manager);
            run.check(row, person);
            if (run.lookingAhead) {
                // what the file does, for the rules below: a row refused for its own cells does nothing
                if (run.accepted(row)) {
                    run.peopleFile.add(email, person.username(), name, roles, active, row.has("manager"), manager);
                }
                continue;
            }
            if (!run.refused(row)) {
                // the API's rules for a manager, for leaving and for the last admin: a file may not do what it refuses
                people.whyNotManagedBy(email, manager, run.peopleFile)
                        .ifPresent(problem -> run.error(row, "manager", problem));
                people.refusal(person, run.adminsLosing, run.peopleFile)
                        .ifPresent(r -> run.error(row, r.column(), r.problem()));
            }
            if (run.accepted(row)) {
                valid.add(person);
                validRows.add(row);
                met.add(known);
                if (known == null && run.source != ImportSource.BATON) {
                    usernameTold(row, run, username);
                }
                if (known != null && people.deactivatesSomeoneActive(person).isPresent()) {
                    // what the API's deactivation warns of: the runs they launched stop at their next block,
                    // listed once the import's transaction has ended (the engine is asked)
                    run.deactivates(row, known);
                }
            }
        }
        if (run.lookingAhead) {
            return;
        }
        List<ImportedPerson> written = written(validRows, valid, met, run);
        if (run.writing() && !written.isEmpty()) {
            people.upsertPeople(run.source.name(), written);
            people.linkManagers(written, run.peopleFile);
        }
    }

    /**
     * Counts each accepted row as someone new, an update of the person it met, or a row that changes nothing
     * ({@link PeopleImports#unchangedPeople}: one query for the chunk), and returns those to write: the rows
     * that change nothing are left out, so their roles are not rewritten nor their version bumped.
     */
    private List<ImportedPerson> written(
            List<ImportRow> rows, List<ImportedPerson> valid, List<PersonRef> met, ImportRun run) {
        List<ImportedPerson> known = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            if (met.get(i) != null) {
                known.add(valid.get(i));
            }
        }
        Set<String> same = people.unchangedPeople(run.source.name(), known);
        List<ImportedPerson> written = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            boolean changes =
                    met.get(i) == null || !same.contains(valid.get(i).email().toLowerCase(Locale.ROOT));
            run.matchedByEmail(rows.get(i), met.get(i), changes);
            if (changes) {
                written.add(valid.get(i));
            }
        }
        return written;
    }

    /**
     * A username cell in the row of someone Baton has already (matched by e-mail) is never written: a
     * username is set for new people only. One that differs from theirs is told as a notice, unless it is
     * another person's username, which says the row mixes up two people: an error naming both.
     */
    private static void existingUsername(ImportRow row, ImportRun run, PersonRef known, Map<String, String> taken) {
        String cell = row.get("username");
        if (cell == null || cell.toLowerCase(Locale.ROOT).equals(known.username())) {
            return;
        }
        String holder = taken.get(cell.toLowerCase(Locale.ROOT));
        if (holder == null) {
            run.notice(
                    row,
                    "username",
                    "differs from " + known.fullName() + "'s username, which stays " + known.username()
                            + ": a username is set for new people only");
            return;
        }
        PersonRef other = run.byEmail(holder);
        run.error(
                row,
                "username",
                "is the username of " + (other == null ? holder : other.fullName()) + " (" + holder
                        + "), but the e-mail address is " + known.fullName() + "'s (" + known.username()
                        + "): correct the e-mail address or the username");
    }

    /**
     * An error about a new person's username, at the column it came from: the username column (Salesforce's
     * Alias) when the row has a value there, else the e-mail column, saying the username was made from the
     * address and which column to fill in instead of {@code fix}. A file without a username column has no
     * "username" to point at.
     */
    private static void usernameError(ImportRow row, ImportRun run, String problem, String fix) {
        run.error(row, usernameField(row), usernameProblem(row, run, problem, fix));
    }

    /** Where a new person's username came from ({@link #usernameError}): {@code username} or {@code email}. */
    private static String usernameField(ImportRow row) {
        return row.get("username") != null ? "username" : "email";
    }

    /** An error about a new person's username as {@link #usernameError} words it. */
    private static String usernameProblem(ImportRow row, ImportRun run, String problem, String fix) {
        if (row.get("username") != null) {
            return problem + ": " + fix;
        }
        return "the username '" + username(row) + "' made from the e-mail " + row.get("email") + " " + problem
                + ": fill in " + usernameColumn(run.source);
    }

    /**
     * Tells where a new person's username came from in a CRM's file, whose columns are named its own way: the
     * column read as Baton's username (Salesforce's Alias; never its Username, a login shaped like an e-mail
     * address), else the e-mail address's local part.
     */
    private static void usernameTold(ImportRow row, ImportRun run, String username) {
        if (row.get("username") != null) {
            run.notice(row, "username", "new person: username " + username + ", from " + row.column("username"));
        } else {
            run.notice(
                    row,
                    "email",
                    "new person: username " + username + ", from the e-mail address (the row has no username)");
        }
    }

    /** The source's own name for the column read as the username (Salesforce's Alias), else "username". */
    private static String usernameColumn(ImportSource source) {
        return source.headers(ImportKind.PEOPLE).entrySet().stream()
                .filter(h -> "username".equals(h.getValue()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("username");
    }

    /** How a new person's username is remembered in {@link FileKeys}. */
    static String usernameKey(String username) {
        return "username:" + username;
    }

    /** The username given, or the e-mail address's local part. */
    static String username(ImportRow row) {
        String username = row.get("username");
        if (username == null && row.get("email") != null) {
            username = row.get("email").split("@")[0];
        }
        return username == null ? null : username.toLowerCase(Locale.ROOT);
    }

    /** An IANA region such as Europe/Berlin (Salesforce's TimeZoneSidKey is one), or null when not given. */
    private static String timeZone(ImportRow row, ImportRun run) {
        String value = row.get("time_zone");
        if (value == null) {
            return null;
        }
        try {
            return TimeZones.region(value, "time_zone").getId();
        } catch (BadRequestException e) {
            run.error(row, "time_zone", e.getFieldErrors().get("time_zone"));
            return null;
        }
    }

    /**
     * The roles given; REP for a blank cell; null when the file has no roles column (keep, or REP when new).
     * A name that is no role is an error in {@code run}.
     */
    private static Set<Role> roles(ImportRow row, ImportRun run) {
        if (!row.has("roles")) {
            return null;
        }
        String value = row.get("roles");
        if (value == null) {
            return EnumSet.of(Role.REP);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : value.split("[,;| ]+")) {
            try {
                roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                run.error(row, "roles", "'" + name + "' is not one of " + Role.names());
            }
        }
        return roles;
    }
}
