package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.baton.audit.AuditEvent;
import dev.baton.people.AbsenceService;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.ReportingLines;
import dev.baton.people.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A manager's move of dana's open tasks that meets a task changed meanwhile (its process ended and
 * housekeeping cancelled it, or Baton extended its lock, as happens at any time) is tried again on
 * the open tasks read anew, where every rule is checked again; a clash on every try is the conflict.
 */
class TaskMoveClashTests {

    final TaskService inbox = mock(TaskService.class);
    final Tasks tasks = mock(Tasks.class);
    final PeopleLookup people = mock(PeopleLookup.class);
    final AbsenceService absences = mock(AbsenceService.class);
    final TransactionTemplate transactions = mock(TransactionTemplate.class);
    final TaskMails mails = mock(TaskMails.class);
    final TaskAssignments assignments =
            new TaskAssignments(inbox, tasks, people, absences, mails, mock(ReportingLines.class), transactions);

    Task readAgain;

    @BeforeEach
    void aManagerOfDanaAndATaskThatChangesUnderTheFirstTry() {
        Person sam = new Person("sam", "Sam Successor", "sam@example.com", "{noop}x", Set.of(Role.REP));
        when(inbox.viewer()).thenReturn(new Viewer("lead", Set.of(), Set.of("dana"), false));
        when(people.byUsername("dana"))
                .thenReturn(Optional.of(new Person("dana", "Dana", "dana@example.com", "{noop}x", Set.of(Role.REP))));
        when(people.byUsername("lead"))
                .thenReturn(Optional.of(new Person("lead", "Lee", "lee@example.com", "{noop}x", Set.of(Role.MANAGER))));
        when(people.byUsernameOrEmail("sam")).thenReturn(Optional.of(sam));
        when(absences.unavailableToday(sam)).thenReturn(Optional.empty());
        AuditEvent event = mock(AuditEvent.class);
        when(event.getId()).thenReturn(1L);
        when(inbox.record(any(), any(), any())).thenReturn(event);
        when(mails.movedUntold(any(), any(), any())).thenReturn(new TaskMails.Told(true, true));
        readAgain = HandOverOpenTests.task(200, null);
        when(tasks.findByAssigneeAndStatusOrderByDueAtAsc("dana", TaskStatus.OPEN))
                .thenReturn(List.of(readAgain));
        // the first transaction fails as its commit finds a task changed meanwhile; the second goes through
        when(transactions.execute(any()))
                .thenThrow(new ObjectOptimisticLockingFailureException(Task.class, 42L))
                .thenAnswer(call ->
                        call.<TransactionCallback<?>>getArgument(0).doInTransaction(mock(TransactionStatus.class)));
    }

    @Test
    void allOpenTasksAreMovedAsReadAgain() {
        List<Task> moved = assignments.reassign("dana", "sam", null);

        assertThat(moved).containsExactly(readAgain);
        assertThat(readAgain.getAssignee()).isEqualTo("sam");
        verify(transactions, times(2)).execute(any());
    }

    @Test
    void allOpenTasksChangingOnEveryTryAreAConflictAfterTheLastTry() {
        doThrow(new ObjectOptimisticLockingFailureException(Task.class, 42L))
                .when(transactions)
                .execute(any());

        assertThatThrownBy(() -> assignments.reassign("dana", "sam", null))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        verify(transactions, times(ClashRetry.ATTEMPTS)).execute(any());
    }

    @Test
    void aNamedTaskThatChangedMeanwhileIsMovedAsReadAgain() {
        readAgain.id = 77L;

        List<Task> moved = assignments.reassign("dana", "sam", List.of(77L));

        assertThat(moved).containsExactly(readAgain);
        assertThat(readAgain.getAssignee()).isEqualTo("sam");
        verify(transactions, times(2)).execute(any());
    }

    @Test
    void aDelegationThatMeetsAChangedRowIsRunAgainOnTheFreshRow() {
        Viewer dana = new Viewer("dana", Set.of(), Set.of(), false);
        when(inbox.viewer()).thenReturn(dana);
        when(inbox.visible(77L, dana)).thenReturn(readAgain);

        Task delegated = assignments.delegate(77L, "sam");

        assertThat(delegated.getAssignee()).isEqualTo("sam");
        verify(transactions, times(2)).execute(any());
    }
}
