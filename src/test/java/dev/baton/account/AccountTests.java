package dev.baton.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.people.Person;
import dev.baton.people.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountTests {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Duration YEAR = Duration.ofDays(365);

    final Person rob = new Person("rob", "Rob", "rob@example.com", "x", Set.of(Role.REP));

    Person inactive() {
        Person gone = new Person("gone", "Gone", "gone@example.com", "x", Set.of(Role.REP));
        gone.deactivate();
        return gone;
    }

    @Test
    void anInactivePersonCannotOwnAnAccount() {
        assertThatThrownBy(() -> new Account("Acme", inactive(), null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gone is inactive");
        Account acme = new Account("Acme", rob, null, null, null);
        assertThatThrownBy(() -> acme.transferTo(inactive())).isInstanceOf(IllegalArgumentException.class);
        assertThat(acme.getOwner()).isSameAs(rob);
    }

    @Test
    void aContactIsStaleWhenNeverVerifiedOrNotForOverAYear() {
        Account acme = new Account("Acme", rob, null, null, null);
        Contact contact = new Contact(acme, "Anna", null, null, null, null);
        assertThat(contact.isStale(NOW, YEAR)).isTrue();

        contact.verifiedAt(NOW.minus(Duration.ofDays(366)));
        assertThat(contact.isStale(NOW, YEAR)).isTrue();

        contact.verifiedAt(NOW.minus(Duration.ofDays(364)));
        assertThat(contact.isStale(NOW, YEAR)).isFalse();
    }
}
