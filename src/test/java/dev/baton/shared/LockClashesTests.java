package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change PostgreSQL rolled back to break a deadlock runs again in a fresh transaction (CI, stop 46 and
 * session 38: a contact merge deadlocked with a lead's assignment and answered 500); after {@link
 * LockClashes#ATTEMPTS} it gives up with the clash; any other failure is not retried.
 */
class LockClashesTests {

    final TransactionTemplate tx = mock(TransactionTemplate.class);

    @Test
    void aDeadlockedChangeRunsAgainUntilItCommits() {
        when(tx.execute(any()))
                .thenThrow(new PessimisticLockingFailureException("deadlock detected"))
                .thenThrow(new CannotAcquireLockException("lock not available"))
                .thenReturn("merged");

        assertThat(LockClashes.<String>retried(tx, status -> "merged")).isEqualTo("merged");
        verify(tx, times(3)).execute(any());
    }

    @Test
    void aChangeDeadlockedOnEveryTryGivesUpWithTheClash() {
        when(tx.execute(any())).thenThrow(new PessimisticLockingFailureException("deadlock detected"));

        assertThatThrownBy(() -> LockClashes.retried(tx, status -> "merged"))
                .isInstanceOf(PessimisticLockingFailureException.class);
        verify(tx, times(LockClashes.ATTEMPTS)).execute(any());
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        when(tx.execute(any())).thenThrow(new DataIntegrityViolationException("duplicate"));

        assertThatThrownBy(() -> LockClashes.retried(tx, status -> "merged"))
                .isInstanceOf(DataIntegrityViolationException.class);
        verify(tx).execute(any());
    }
}
