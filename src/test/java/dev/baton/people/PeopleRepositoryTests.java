package dev.baton.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.support.PostgresTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

@PostgresTest
class PeopleRepositoryTests {

    @Autowired
    People people;

    @Test
    void findsPeopleByUsername() {
        people.save(new Person("nina", "Nina Novak", "nina@example.com", "{noop}x", Set.of(Role.REP)));
        assertThat(people.findByUsername("nina"))
                .get()
                .extracting(Person::getFullName)
                .isEqualTo("Nina Novak");
    }

    @Test
    void refusesTwoPeopleWithTheSameEmailInAnyCase() {
        people.saveAndFlush(new Person("nina", "Nina Novak", "nina@example.com", "{noop}x", Set.of(Role.REP)));
        assertThatThrownBy(() -> people.saveAndFlush(
                        new Person("nina2", "Nina N.", "NINA@example.com", "{noop}x", Set.of(Role.REP))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
