package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.baton.people.PeopleByName;
import dev.baton.people.TeamService;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A step's candidate groups are looked up as teams in one query, however many the model names. */
class TaskPeopleTests {

    final TeamService teams = mock(TeamService.class);
    final TaskPeople people = new TaskPeople(mock(PeopleByName.class), teams);

    @Test
    void candidateGroupsAreReadInOneLookUpAndAGroupNoTeamHasIsSaid() {
        Set<String> groups = Set.of("sales-emea", "cs", "zz-gone");
        when(teams.namesByKey(groups)).thenReturn(Map.of("sales-emea", "Sales EMEA", "cs", "Customer Success"));
        when(teams.staffed(Set.of("sales-emea", "cs"))).thenReturn(Set.of("cs"));

        TaskPeople.Resolved resolved = people.resolve(offeredTo(groups));

        assertThat(resolved.candidateGroups()).containsExactlyInAnyOrder("sales-emea", "cs");
        assertThat(resolved.reason()).isEqualTo("candidate group 'zz-gone' is no team");
        verify(teams, never()).byKey(anyString());
    }

    /**
     * Probe 46: a step offered only to a team with no active member waited where nobody could see or claim it,
     * and with no due date nobody was ever told. It goes to the admins' unassigned work, saying why.
     */
    @Test
    void aStepOfferedOnlyToTeamsWithNoActiveMemberGoesToUnassignedWorkSayingWhy() {
        Set<String> groups = Set.of("ghost", "empty");
        when(teams.namesByKey(groups)).thenReturn(Map.of("ghost", "Ghost <team>", "empty", "Empty"));
        when(teams.staffed(groups)).thenReturn(Set.of());

        TaskPeople.Resolved resolved = people.resolve(offeredTo(groups));

        assertThat(resolved.candidateGroups()).isEmpty();
        assertThat(resolved.waitingFor()).containsExactlyInAnyOrder("ghost", "empty");
        assertThat(resolved.reasonOnceStaffed()).isNull();
        assertThat(resolved.reason())
                .isEqualTo("offered to teams Empty ('empty') and Ghost <team> ('ghost'), none of which has an active"
                        + " member");
        when(teams.namesByKey(Set.of("ghost"))).thenReturn(Map.of("ghost", "Ghost <team>"));
        assertThat(people.resolve(offeredTo(Set.of("ghost"))).reason())
                .isEqualTo("offered to team Ghost <team> ('ghost'), which has no active member");
    }

    /**
     * The teams a step waits for in unassigned work are data, not read back from its reason (session 47 parsed the
     * reason's "('key')": a team's name holding such words, or a reason clipped at 960 characters, broke it); what
     * the reason says besides is kept for when the step goes back to its teams.
     */
    @Test
    void theTeamsAStepWaitsForAreKeptAsKeysWhateverTheReasonSays() {
        Set<String> groups = new java.util.LinkedHashSet<>(java.util.List.of("ghost", "empty", "zz-gone"));
        String longName = "Empty, and ('x') " + "very ".repeat(200) + "long";
        when(teams.namesByKey(groups)).thenReturn(Map.of("ghost", "Ghost ('x')", "empty", longName));
        when(teams.staffed(Set.of("ghost", "empty"))).thenReturn(Set.of());

        TaskPeople.Resolved resolved = people.resolve(offeredTo(groups));

        assertThat(resolved.candidateGroups()).isEmpty();
        assertThat(resolved.waitingFor()).containsExactlyInAnyOrder("ghost", "empty");
        assertThat(resolved.reason())
                .startsWith("candidate group 'zz-gone' is no team; offered to teams Empty, and ('x') very")
                .endsWith(" characters)");
        assertThat(resolved.reasonOnceStaffed()).isEqualTo("candidate group 'zz-gone' is no team");
    }

    /** A step that also names a person keeps its empty team: that person can take it. */
    @Test
    void aStepWithACandidateUserKeepsATeamWithNoActiveMember() {
        PeopleByName byName = mock(PeopleByName.class);
        dev.baton.people.Person rob = mock(dev.baton.people.Person.class);
        when(rob.isActive()).thenReturn(true);
        when(rob.getUsername()).thenReturn("rob");
        when(byName.find("rob")).thenReturn(java.util.Optional.of(rob));
        when(teams.namesByKey(Set.of("ghost"))).thenReturn(Map.of("ghost", "Ghost"));
        TaskSpec withUser = new TaskSpec(
                1L,
                2L,
                3L,
                "a-playbook",
                1,
                "task_step",
                "A step",
                null,
                Set.of("ghost"),
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                Set.of("rob"),
                null,
                null,
                null,
                false);

        TaskPeople.Resolved resolved = new TaskPeople(byName, teams).resolve(withUser);

        assertThat(resolved.candidateGroups()).containsExactly("ghost");
        assertThat(resolved.candidateUsers()).containsExactly("rob");
        assertThat(resolved.reason()).isNull();
        assertThat(resolved.waitingFor()).isEmpty();
    }

    /** The reason is stored with the task (1,000 characters): however many the model names, it fits. */
    @Test
    void aReasonNamingDozensOfUnknownTeamsFitsTheTask() {
        Set<String> groups = new java.util.LinkedHashSet<>();
        for (int i = 0; i < 100; i++) {
            groups.add("unknown-team-" + i);
        }
        when(teams.namesByKey(groups)).thenReturn(Map.of());

        String reason = people.resolve(offeredTo(groups)).reason();

        assertThat(reason)
                .startsWith("candidate group 'unknown-team-")
                .endsWith(" characters)")
                .hasSizeLessThanOrEqualTo(1000);
    }

    private static TaskSpec offeredTo(Set<String> groups) {
        return new TaskSpec(
                1L,
                2L,
                3L,
                "a-playbook",
                1,
                "task_step",
                "A step",
                null,
                groups,
                null,
                null,
                null,
                null,
                null,
                false,
                false);
    }
}
