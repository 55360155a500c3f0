package dev.baton.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Audit records are written with one insert in the caller's transaction and read back as JPA entities. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogTests {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditEvents events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    private static long entityId() {
        return System.nanoTime();
    }

    private static Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("owner", "rob");
        state.put("note", null); // a form's empty field is kept
        state.put("attempts", 3);
        state.put("dueDate", LocalDate.of(2026, 12, 24));
        state.put("tags", List.of("renewal", "é ✓"));
        return state;
    }

    @Test
    void aRecordReadsBackAsWrittenAndItsJsonIsWhatHibernateWrites() {
        long id = entityId();
        AuditEvent written = AuditLog.onBehalfOf(
                "maria",
                () -> tx.execute(
                        s -> audit.record("thing.changed", "thing", id, null, state(), Map.of("owner", "rita"))));

        AuditEvent read =
                events.findByEntityTypeAndEntityIdOrderByAt("thing", id).getFirst();
        assertThat(read.getId()).isEqualTo(written.getId());
        assertThat(read.getActor()).isEqualTo("maria");
        assertThat(read.getAction()).isEqualTo("thing.changed");
        assertThat(read.getAccountId()).isNull();
        assertThat(read.getAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(read.getBeforeState())
                .containsEntry("owner", "rob")
                .containsEntry("note", null)
                .containsEntry("attempts", 3)
                .containsEntry("tags", List.of("renewal", "é ✓"));
        assertThat(read.getAfterState()).isEqualTo(Map.of("owner", "rita"));

        // the same states persisted by Hibernate, as records were before: the stored JSON is the same
        long other = entityId();
        tx.executeWithoutResult(s -> events.save(new AuditEvent(
                Instant.now(), "maria", "thing.changed", "thing", other, null, state(), Map.of("owner", "rita"))));
        String sql =
                "select before_state::text || ' ' || after_state::text from audit_event where entity_type = 'thing' and entity_id = ?";
        assertThat(jdbc.queryForObject(sql, String.class, id)).isEqualTo(jdbc.queryForObject(sql, String.class, other));
    }

    @Test
    void aRecordLandsWithTheChangeOrNotAtAll() {
        long id = entityId();
        tx.executeWithoutResult(s -> {
            audit.record("thing.changed", "thing", id, null, null, Map.of("owner", "rita"));
            s.setRollbackOnly();
        });
        assertThat(events.findByEntityTypeAndEntityIdOrderByAt("thing", id)).isEmpty();
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        long id = entityId();
        assertThatThrownBy(() -> audit.record("thing.changed", "thing", id, null, null, null))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(events.findByEntityTypeAndEntityIdOrderByAt("thing", id)).isEmpty();
    }

    @Test
    void theTrailStaysAppendOnly() {
        long id = entityId();
        long recorded = tx.execute(s -> audit.record("thing.changed", "thing", id, null, null, null))
                .getId();
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'mallory' where id = ?", recorded))
                .hasMessageContaining("append-only");
    }
}
