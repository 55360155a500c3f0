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
        assertThat(resolved.reason())
                .isEqualTo("offered to teams Empty ('empty') and Ghost <team> ('ghost'), none of which has an active"
                        + " member");
        when(teams.namesByKey(Set.of("ghost"))).thenReturn(Map.of("ghost", "Ghost <team>"));
        assertThat(people.resolve(offeredTo(Set.of("ghost"))).reason())
                .isEqualTo("offered to team Ghost <team> ('ghost'), which has no active member");
    }

    /**
     * The reason a step waits in unassigned work for empty teams names their keys, which is how the step finds its
     * teams again once one has an active member; the other problems it says stay when that part goes.
     */
    @Test
    void theTeamsAnUnstaffedReasonNamesAreReadBackAndItsOtherProblemsKept() {
        String two = "offered to teams Empty, and ('x') ('empty') and Ghost <team> ('ghost'), none of which has an"
                + " active member; candidate user 'zed' is unknown";
        assertThat(TaskPeople.unstaffedTeams(two)).containsExactly("empty", "ghost");
        assertThat(TaskPeople.withoutUnstaffed(two)).isEqualTo("candidate user 'zed' is unknown");
        String one = "assignee 'bob' is unknown; offered to team Ghost ('ghost'), which has no active member";
        assertThat(TaskPeople.unstaffedTeams(one)).containsExactly("ghost");
        assertThat(TaskPeople.withoutUnstaffed(one)).isEqualTo("assignee 'bob' is unknown");
        assertThat(TaskPeople.withoutUnstaffed("offered to team Ghost ('ghost'), which has no active member"))
                .isNull();
        assertThat(TaskPeople.unstaffedTeams("candidate group 'ghost' is no team"))
                .isEmpty();
        assertThat(TaskPeople.unstaffedTeams(null)).isEmpty();
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
