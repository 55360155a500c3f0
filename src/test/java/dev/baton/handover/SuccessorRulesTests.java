package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Found by a probe: the refusals named the successor by user name ("rob is being handed over too ..."). */
class SuccessorRulesTests {

    private final Handovers handovers = mock(Handovers.class);
    private final TimeZones zones = mock(TimeZones.class);
    private final SuccessorRules rules = new SuccessorRules(handovers, zones);
    private final Person departing = person(1L, "rita", "Rita Okafor", true);

    @Test
    void aSuccessorBeingHandedOverTooIsNamedByFullName() {
        Person rob = person(2L, "rob", "Rob Jansen", true);
        when(handovers.isDepartingInOpenHandover(any())).thenReturn(true);

        assertThat(rules.problem(rob, departing))
                .contains("Rob Jansen is being handed over too and cannot take over accounts");
    }

    @Test
    void anInactiveSuccessorAndTheDepartingPersonThemselvesAreNamedByFullName() {
        assertThat(rules.problem(person(3L, "lee", "Lee Park", false), departing))
                .contains("Lee Park is inactive and cannot take over accounts");
        assertThat(rules.problem(departing, departing))
                .contains("Rita Okafor is the person handing over and cannot be their own successor");
    }

    @Test
    void aSuccessorLeavingTheCompanyIsNamedByFullNameWithTheDayWrittenInWords() {
        Person rob = person(2L, "rob", "Rob Jansen", true);
        when(zones.today(rob)).thenReturn(LocalDate.of(2026, 12, 3));
        when(handovers.leavingOn(rob, LocalDate.of(2026, 12, 3))).thenReturn(Optional.of(LocalDate.of(2026, 12, 10)));

        assertThat(rules.problem(rob, departing))
                .contains("Rob Jansen is leaving the company on Thu 10 Dec 2026 and cannot take over accounts");
    }

    private static Person person(long id, String username, String fullName, boolean active) {
        Person p = mock(Person.class);
        when(p.getId()).thenReturn(id);
        when(p.getUsername()).thenReturn(username);
        when(p.getFullName()).thenReturn(fullName);
        when(p.isActive()).thenReturn(active);
        return p;
    }
}
