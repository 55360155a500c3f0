package dev.baton.people;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person named the way a playbook names people: by user name or by e-mail address (how Camunda
 * SaaS names users), ignoring case. The inbox's assignment rule, for features that name people
 * from a playbook's inputs.
 */
@Service
public class PeopleByName {

    private final People people;

    PeopleByName(People people) {
        this.people = people;
    }

    /** The person, active or not; empty when nobody has that user name or e-mail address. */
    @Transactional(readOnly = true)
    public Optional<Person> find(String nameOrEmail) {
        String given = nameOrEmail.trim();
        return people.findByUsername(given)
                .or(() -> people.findByUsername(given.toLowerCase(Locale.ROOT)))
                .or(() -> given.contains("@") ? people.findByEmailIgnoreCase(given) : Optional.empty());
    }
}
