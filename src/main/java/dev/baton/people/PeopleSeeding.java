package dev.baton.people;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes people and teams as given, to fill an empty sandbox (the demo data): none of {@link
 * PeopleService}'s checks and no audit entries, since nobody made these changes. Not for requests.
 */
@Service
public class PeopleSeeding {

    private final People people;
    private final Teams teams;
    private final PasswordEncoder passwords;

    PeopleSeeding(People people, Teams teams, PasswordEncoder passwords) {
        this.people = people;
        this.teams = teams;
        this.passwords = passwords;
    }

    /** How many people exist, active or not (0: the database has never been seeded or used). */
    @Transactional(readOnly = true)
    public long count() {
        return people.count();
    }

    /** Saves a new team; a key already taken fails in the database (a DataIntegrityViolationException). */
    @Transactional
    public Team team(String key, String name) {
        return teams.save(new Team(key, name));
    }

    /**
     * Saves a new person as {@code n} describes them, the password hashed and the time zone as given.
     * The team and manager ids (null: none) must exist, else NoSuchElementException; a user name
     * already taken fails in the database.
     */
    @Transactional
    public Person person(NewPerson n) {
        Person p = new Person(n.username(), n.fullName(), n.email(), passwords.encode(n.password()), n.roles());
        p.joinTeam(n.teamId() == null ? null : teams.findById(n.teamId()).orElseThrow());
        // the entity, not a reference: reportTo walks the manager's own manager field
        p.reportTo(n.managerId() == null ? null : people.findById(n.managerId()).orElseThrow());
        p.moveToTimeZone(n.timeZone());
        return people.save(p);
    }
}
