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

        TaskPeople.Resolved resolved = people.resolve(offeredTo(groups));

        assertThat(resolved.candidateGroups()).containsExactlyInAnyOrder("sales-emea", "cs");
        assertThat(resolved.reason()).isEqualTo("candidate group 'zz-gone' is no team");
        verify(teams, never()).byKey(anyString());
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
