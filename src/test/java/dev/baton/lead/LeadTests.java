package dev.baton.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.people.Person;
import dev.baton.people.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first-touch due time a lead is judged by, as its owners change: a move restarts it for the new owner while the
 * lead is untouched and within it, and never once the outcome is decided (touched, or the due time passed).
 */
class LeadTests {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final Duration SLA = Duration.ofHours(4);

    final Person ana = person("ana");
    final Person ben = person("ben");
    final Lead lead = new Lead("Acme", "Lee Buyer", "lee@acme.example", null, "web", null, null, null, null);

    @BeforeEach
    void assignedToAnaAtT0() {
        lead.assign(ana, T0, T0.plus(SLA));
    }

    @Test
    void aLeadMovedWhileUntouchedAndWithinItsSlaGetsAFreshDueTimeForTheNewOwner() {
        // ana leaves an hour before it falls due: ben gets the whole SLA, not one hour
        Instant moved = T0.plus(SLA).minusSeconds(3600);
        lead.assign(ben, moved, moved.plus(SLA));

        assertThat(lead.getOwner()).isSameAs(ben);
        assertThat(lead.getFirstTouchDueAt()).isEqualTo(moved.plus(SLA));
    }

    @Test
    void aLeadMovedAfterItsSlaRanOutUntouchedKeepsTheMissedDueTime() {
        Instant moved = T0.plus(SLA).plusSeconds(60);
        lead.assign(ben, moved, moved.plus(SLA));

        assertThat(lead.getOwner()).isSameAs(ben);
        assertThat(lead.getFirstTouchDueAt())
                .as("a move does not wipe out the miss")
                .isEqualTo(T0.plus(SLA));
    }

    @Test
    void aLeadMovedAfterItsFirstTouchKeepsTheDueTimeItWasTouchedBy() {
        lead.touch(T0.plusSeconds(600));

        Instant moved = T0.plusSeconds(1200);
        lead.assign(ben, moved, moved.plus(SLA));

        assertThat(lead.getFirstTouchDueAt()).isEqualTo(T0.plus(SLA));
        assertThat(lead.getFirstTouchedAt()).isEqualTo(T0.plusSeconds(600));
    }

    private static Person person(String username) {
        return new Person(username, username, username + "@baton.example", "x", Set.of(Role.REP));
    }
}
