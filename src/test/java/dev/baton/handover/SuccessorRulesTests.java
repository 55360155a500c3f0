package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        when(handovers.departureOf(rob)).thenReturn(departure(1, null));

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
        when(handovers.departureOf(rob)).thenReturn(departure(0, LocalDate.of(2026, 12, 10)));

        assertThat(rules.problem(rob, departing))
                .contains("Rob Jansen is leaving the company on Thu 10 Dec 2026 and cannot take over accounts");
    }

    /** The batch reads every leaving day, not only those to come: one past where the person is refuses nobody. */
    @Test
    void aLeavingDayThatHasPassedWhereThePersonIsRefusesNobody() {
        Person rob = person(2L, "rob", "Rob Jansen", true);
        when(zones.today(rob)).thenReturn(LocalDate.of(2026, 12, 11));
        when(handovers.departureOf(rob)).thenReturn(departure(0, LocalDate.of(2026, 12, 10)));
        when(handovers.departuresOf(anyCollection())).thenReturn(departures(2L, 0, LocalDate.of(2026, 12, 10)));

        assertThat(rules.problem(rob, departing)).isEmpty();
        assertThat(rules.problems(List.of(rob, departing), departing)).containsOnlyKeys(1L);
    }

    /** Many people are asked in one query (the candidate lists); one alone in one, without a collection parameter. */
    @Test
    void manyPeopleAreAskedTogetherWithTheSameAnswers() {
        Person rob = person(2L, "rob", "Rob Jansen", true);
        Person lee = person(3L, "lee", "Lee Park", true);
        Person ann = person(4L, "ann", "Ann Lee", true);
        when(zones.today(lee)).thenReturn(LocalDate.of(2026, 12, 3));
        List<Object[]> rows = departures(2L, 1, null);
        rows.addAll(departures(3L, 0, LocalDate.of(2026, 12, 10)));
        when(handovers.departuresOf(anyCollection())).thenReturn(rows);

        assertThat(rules.problems(List.of(rob, lee, ann), departing))
                .containsOnly(
                        Map.entry(2L, "Rob Jansen is being handed over too and cannot take over accounts"),
                        Map.entry(
                                3L,
                                "Lee Park is leaving the company on Thu 10 Dec 2026 and cannot take over accounts"));
    }

    /** The one row of {@link Handovers#departureOf}: handovers under way, last leaving day (or null). */
    private static List<Object[]> departure(long underWay, LocalDate lastLeavingDay) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {underWay, lastLeavingDay});
        return rows;
    }

    /** A row of {@link Handovers#departuresOf}: person id, handovers under way, last leaving day (or null). */
    private static List<Object[]> departures(long personId, long underWay, LocalDate lastLeavingDay) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {personId, underWay, lastLeavingDay});
        return rows;
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
