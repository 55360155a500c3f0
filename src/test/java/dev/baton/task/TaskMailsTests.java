package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.baton.account.Accounts;
import dev.baton.notification.MailComposer;
import dev.baton.notification.MailKind;
import dev.baton.notification.MailPreferenceService;
import dev.baton.notification.Outbox;
import dev.baton.people.Leavers;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.TeamService;
import dev.baton.people.TimeZones;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The offer of a step to its candidate teams names them, read in one query however many there are. */
class TaskMailsTests {

    final MailComposer composer = mock(MailComposer.class);
    final MailPreferenceService preferences = mock(MailPreferenceService.class);
    final PeopleLookup people = mock(PeopleLookup.class);
    final TeamService teams = mock(TeamService.class);
    final TaskMails mails = new TaskMails(
            mock(Outbox.class),
            composer,
            preferences,
            people,
            mock(Accounts.class),
            mock(TimeZones.class),
            teams,
            mock(Leavers.class),
            mock(TaskContext.class),
            Clock.fixed(Instant.parse("2030-01-01T09:00:00Z"), ZoneOffset.UTC));

    @Test
    @SuppressWarnings("unchecked")
    void anOfferNamesItsTeamsSortedFromOneLookUpAndAnUnknownTeamByItsKey() {
        Task task = offeredTo(Set.of("sales-emea", "cs", "zz-gone"));
        Person ann = mock(Person.class);
        when(ann.getId()).thenReturn(1L);
        when(ann.getFullName()).thenReturn("Ann Offered");
        when(ann.getEmail()).thenReturn("ann@baton.example");
        when(people.activeInTeamsOrNamed(any(), any())).thenReturn(List.of(ann));
        when(preferences.wanting(List.of(1L), MailKind.TEAM_TASK)).thenReturn(Set.of(1L));
        when(teams.namesByKey(Set.of("sales-emea", "cs", "zz-gone")))
                .thenReturn(Map.of("sales-emea", "Sales EMEA", "cs", "Customer Success"));
        when(composer.compose(anyString(), any(), any())).thenReturn(new MailComposer.Mail("s", "t", "h"));

        mails.offered(task);

        ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
        verify(composer).compose(eq("task-offered"), model.capture(), any());
        assertThat(model.getValue()).containsEntry("teams", "Customer Success, Sales EMEA and zz-gone");
        verify(teams, never()).byKey(anyString());
    }

    private static Task offeredTo(Set<String> teams) {
        Task task = mock(Task.class);
        when(task.getName()).thenReturn("A step");
        when(task.getCandidateGroups()).thenReturn(teams);
        return task;
    }
}
