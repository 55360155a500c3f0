package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A task's JSON columns (the form's variables, the outcome) are kept by Hibernate as immutable
 * values, without a deep-copied snapshot (see {@code JsonMaps}): a replaced map is written, a read
 * writes nothing, and nobody can change a stored map in place, where no dirty check would see it.
 */
class TaskJsonColumnsIntegrationTests extends InboxTest {

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aReplacedMapIsWrittenAndAReadWritesNothing() {
        long id = arrivingTask("dana", Instant.now().plus(1, ChronoUnit.DAYS), false)
                .getId();
        transaction.executeWithoutResult(s -> task(id).keepFormVariables(Map.of("region", "EMEA")));
        long version = task(id).getVersion();

        transaction.executeWithoutResult(
                s -> assertThat(task(id).getFormVariables()).containsEntry("region", "EMEA"));
        assertThat(task(id).getVersion()).as("reading the task wrote nothing").isEqualTo(version);

        // the map is the only change: only its new value makes the row dirty
        transaction.executeWithoutResult(s -> task(id).keepFormVariables(Map.of("region", "APAC")));
        assertThat(task(id).getFormVariables()).isEqualTo(Map.of("region", "APAC"));
        assertThat(task(id).getVersion()).isEqualTo(version + 1);

        transaction.executeWithoutResult(s -> task(id).complete("dana", Map.of("answer", "yes"), Instant.now()));
        assertThat(task(id).getOutcome()).isEqualTo(Map.of("answer", "yes"));
    }

    @Test
    void aStoredMapCannotBeChangedInPlace() {
        long id = arrivingTask("dana", Instant.now().plus(1, ChronoUnit.DAYS), false)
                .getId();
        transaction.executeWithoutResult(s -> task(id).keepFormVariables(Map.of("region", "EMEA")));

        transaction.executeWithoutResult(
                s -> assertThatThrownBy(() -> task(id).getFormVariables().put("region", "APAC"))
                        .isInstanceOf(UnsupportedOperationException.class));
        assertThat(task(id).getFormVariables()).isEqualTo(Map.of("region", "EMEA"));
    }

    private Task task(long id) {
        return tasks.findById(id).orElseThrow();
    }
}
