package dev.baton.people;

import dev.baton.shared.BadRequestException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People by id, user name or e-mail address: the people module's read API for other features, which
 * never get its repositories. The methods return entities, active or not, so that other features can
 * relate to them (an account's owner, a handover's successor); read lazy relations (team, manager)
 * inside the caller's transaction. For a person that must exist, {@link PeopleService#signedIn} (404)
 * and {@link PeopleService#referenced} (400) say what is wrong; people named the way a playbook names
 * them are {@link PeopleByName}'s.
 */
@Service
public class PeopleLookup {

    private final People people;
    private final JdbcClient jdbc;

    PeopleLookup(People people, JdbcClient jdbc) {
        this.people = people;
        this.jdbc = jdbc;
    }

    /** The person with this id; empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<Person> byId(long id) {
        return people.findById(id);
    }

    /** The person with exactly this user name; empty when nobody has it, or for null. */
    @Transactional(readOnly = true)
    public Optional<Person> byUsername(String username) {
        return username == null ? Optional.empty() : people.findByUsername(username);
    }

    /**
     * The person with this user name (in any case: user names are stored lower case), else the one with
     * this e-mail address (ignoring case): how a person types a colleague's name. Empty when neither matches;
     * the caller trims.
     */
    @Transactional(readOnly = true)
    public Optional<Person> byUsernameOrEmail(String given) {
        // user names are stored lower case (a check constraint): ROB is rob, as the inbox and imports take it
        return byUsername(given == null ? null : given.toLowerCase(java.util.Locale.ROOT))
                .or(() -> people.findByEmailIgnoreCase(given));
    }

    /**
     * The person someone typed into a form's field: by user name, else e-mail address (ignoring case),
     * else exact full name (ignoring case and surrounding blanks) among active people, for a field that
     * asks "who?" in words people know ("Cora Lindqvist", cora, cora@baton.example). Whether they are
     * active is the caller's rule when they are found by user name or e-mail.
     *
     * @param typed what was typed; trimmed here
     * @param field the field's name, for the 400
     * @throws BadRequestException at {@code field} when it is blank, when nobody has that user name,
     *     address or full name, or when several active people have that full name (listed by full name
     *     and user name, so the next try can say which)
     */
    @Transactional(readOnly = true)
    public Person typed(String typed, String field) {
        String given = typed == null ? "" : typed.strip();
        if (given.isEmpty()) {
            throw new BadRequestException(field, "is required: a user name, an e-mail address or a full name");
        }
        Optional<Person> exact = byUsernameOrEmail(given);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<Person> called = people.findByFullNameIgnoreCaseAndActiveTrueOrderByUsername(given);
        if (called.size() == 1) {
            return called.getFirst();
        }
        if (called.isEmpty()) {
            throw new BadRequestException(
                    field, "nobody is called '" + given + "': type a user name, an e-mail address or a full name");
        }
        throw new BadRequestException(
                field,
                called.size() + " active people are called '" + given + "': "
                        + String.join(
                                ", ",
                                called.stream()
                                        .map(p -> p.getFullName() + " (" + p.getUsername() + ")")
                                        .toList())
                        + "; type the user name of the one you mean");
    }

    /**
     * The full name of the person with this user name, for text that names who did something; the
     * user name itself when nobody has it (e.g. {@code system}), null for null.
     */
    public String fullName(String username) {
        return username == null ? null : fullNameOf(username).orElse(username);
    }

    /**
     * The full name of the person with exactly this user name, active or not; empty when nobody has it
     * or for null. For text that names someone (a mail's "maria moved it to you"): one column read with
     * plain SQL on the caller's transaction's connection, so no person is loaded as an entity and the
     * caller's unit of work is not flushed first (a name changed but not yet flushed in the caller's
     * transaction reads as it was). A handover's transfer names its manager in every commitment's mail,
     * which cost a person's read with roles and team each time.
     */
    public Optional<String> fullNameOf(String username) {
        return username == null
                ? Optional.empty()
                : jdbc.sql("select full_name from person where username = ?")
                        .param(username)
                        .query(String.class)
                        .optional();
    }

    /**
     * The full names of these user names' people, read in one query (none for no user names), for a
     * page that names several people: a list's rows, a run's steps. Nulls and repeats are ignored;
     * {@link FullNames#of} falls back to the user name for one nobody has, as {@link #fullName} does.
     */
    public FullNames fullNames(Collection<String> usernames) {
        List<String> wanted =
                usernames.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (!wanted.isEmpty()) {
            jdbc.sql("select username, full_name from person where username in (:usernames)")
                    .param("usernames", wanted)
                    .query(rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    });
        }
        return new FullNames(names);
    }

    /**
     * {@link #fullNames} by person id, for a list whose rows name people by id (a contact review's owner):
     * one query, none for no ids; an id nobody has is absent.
     */
    public Map<Long, String> fullNamesById(Collection<Long> ids) {
        List<Long> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, String> names = new HashMap<>();
        if (!wanted.isEmpty()) {
            jdbc.sql("select id, full_name from person where id in (:ids)")
                    .param("ids", wanted)
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    /**
     * Checks the person a list's filter names (the commitment register's {@code ?owner=}): an id nobody
     * has is the caller's mistake, a mistyped or stale id that an empty list would pass off as someone
     * who owns nothing (the people directory's rule for {@code ?team=}). Inactive people exist. One
     * existence query, and none for null (no filter).
     *
     * @param personId the filter's person id, or null when the filter is not given (accepted)
     * @param parameter the filter's name in the API and on the page, for the problem detail
     * @throws BadRequestException at {@code parameter}, "no person N", when nobody has the id
     */
    @Transactional(readOnly = true)
    public void requireExists(Long personId, String parameter) {
        if (personId != null && !people.existsById(personId)) {
            throw BadRequestException.noSuch(parameter, "person", personId);
        }
    }

    /**
     * The active people who may take a step offered to teams and to people by name (a user task's
     * candidate groups and candidate users): the members of the teams with {@code teamKeys} and the
     * people with exactly these {@code usernames}, each once, with their team; read in one query however
     * many members a team has. Unknown keys and names are no one; inactive people are left out.
     *
     * @return in no particular order; empty when both are empty
     */
    @Transactional(readOnly = true)
    public List<Person> activeInTeamsOrNamed(Collection<String> teamKeys, Collection<String> usernames) {
        if (teamKeys.isEmpty() && usernames.isEmpty()) {
            return List.of();
        }
        // no team key or user name is empty, so the stand-in for an empty list matches nobody
        return people.findActiveInTeamsOrNamed(orNobody(teamKeys), orNobody(usernames));
    }

    /**
     * The first active person up {@code person}'s reporting line: their manager while active, else the
     * next one up, and so on (a loop in the data ends the walk). Reads the managers lazily: call inside
     * a transaction.
     *
     * @param person anyone, active or not; null for nobody
     * @return empty when nobody above them is active, or for null
     */
    public Optional<Person> activeManagerAbove(Person person) {
        Set<Long> seen = new HashSet<>();
        for (Person m = person == null ? null : person.getManager();
                m != null && seen.add(m.getId());
                m = m.getManager()) {
            if (m.isActive()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The active people with {@code role} (e.g. the admins, who answer for work nobody else does), by
     * user name; one query.
     */
    @Transactional(readOnly = true)
    public List<Person> activeWithRole(Role role) {
        return people.findActiveWithRole(role);
    }

    private static Collection<String> orNobody(Collection<String> keys) {
        return keys.isEmpty() ? List.of("") : keys;
    }

    /** Everyone, active or not, in no particular order (a few hundred people at most). */
    @Transactional(readOnly = true)
    public List<Person> everyone() {
        return people.findAll();
    }
}
