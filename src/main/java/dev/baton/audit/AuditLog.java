package dev.baton.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit events in the caller's transaction, so a change and its audit record land together
 * or not at all. The actor is the signed-in user; in engine work that carries out a person's decision
 * or request, that person ({@link #onBehalfOf}); else {@code system} for engine and scheduled work.
 */
@Service
public class AuditLog {

    public static final String SYSTEM = "system";

    private static final ThreadLocal<String> ON_BEHALF_OF = new ThreadLocal<>();

    /**
     * The states as JSON, the way Hibernate writes the entity's JSON columns when it has no mapper of
     * its own ({@code JacksonJsonFormatMapper}: a plain ObjectMapper with the modules on the class
     * path), so a record reads back the same whichever way it was written.
     */
    private static final ObjectMapper JSON =
            new ObjectMapper().registerModules(ObjectMapper.findModules(AuditLog.class.getClassLoader()));

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a change.
     *
     * @param accountId the account the change belongs to (shown on its timeline), or null
     * @param before the state before (null for a creation)
     * @param after the state after (null for a deletion)
     * @return the record as written, with its id (not managed by JPA: records are never changed)
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent record(
            String action,
            String entityType,
            Long entityId,
            Long accountId,
            Map<String, Object> before,
            Map<String, Object> after) {
        AuditEvent event =
                new AuditEvent(clock.instant(), currentActor(), action, entityType, entityId, accountId, before, after);
        // one insert on the transaction's connection: a JPA persist of an append-only row cost a
        // managed entity, Hibernate's insert machinery and its JSON mapping on every step of every
        // process, 7 % of what a handover allocates (JFR, session 18)
        event.recordedAs(jdbc.sql("insert into audit_event"
                        + " (at, actor, action, entity_type, entity_id, account_id, before_state, after_state)"
                        + " values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb)) returning id")
                .params(
                        Timestamp.from(event.getAt()),
                        event.getActor(),
                        event.getAction(),
                        event.getEntityType(),
                        event.getEntityId(),
                        event.getAccountId(),
                        json(event.getBeforeState()),
                        json(event.getAfterState()))
                .query(Long.class)
                .single());
        return event;
    }

    /** One record of {@link #recordAll}: the entity changed, its account, and its states. */
    public record Recorded(long entityId, Long accountId, Map<String, Object> before, Map<String, Object> after) {}

    /**
     * Records one change per element of {@code changes}, all of one action and entity type, by the
     * current actor ({@link #currentActor}) at one instant: one insert for all of them, for work that
     * changes records by the thousand (an import's chunk), where {@link #record}'s round trip per record
     * would cost as much as the work.
     *
     * @return how many records were written ({@code changes.size()})
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     * @throws IllegalArgumentException when a state cannot be written as JSON
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int recordAll(String action, String entityType, List<Recorded> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        return jdbc.sql("insert into audit_event"
                        + " (at, actor, action, entity_type, entity_id, account_id, before_state, after_state)"
                        + " select ?, ?, ?, ?, r.entity_id, r.account_id, cast(r.before_state as jsonb),"
                        + " cast(r.after_state as jsonb)"
                        + " from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[])"
                        + " as r (entity_id, account_id, before_state, after_state)")
                .params(
                        Timestamp.from(clock.instant()),
                        currentActor(),
                        action,
                        entityType,
                        changes.stream().map(Recorded::entityId).toArray(Long[]::new),
                        changes.stream().map(Recorded::accountId).toArray(Long[]::new),
                        changes.stream().map(c -> json(c.before())).toArray(String[]::new),
                        changes.stream().map(c -> json(c.after())).toArray(String[]::new))
                .update();
    }

    private static String json(Map<String, Object> state) {
        try {
            return state == null ? null : JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an audit state that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Runs {@code work} in this thread with {@code person} as the actor of the audit records it writes
     * and of {@link #currentActor}: engine work that carries out what a person decided or asked for (a
     * commitment step's answer, a block of the playbook they launched) is theirs on the audit trail,
     * not {@code system}'s. Grants nothing: permissions are checked by the caller. The actor before is
     * restored afterwards, also when {@code work} throws.
     *
     * @param person a user name, or null (or blank) to run {@code work} with the actor unchanged
     * @return what {@code work} returns
     */
    public static <T> T onBehalfOf(String person, Supplier<T> work) {
        if (person == null || person.isBlank()) {
            return work.get();
        }
        String before = ON_BEHALF_OF.get();
        ON_BEHALF_OF.set(person);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ON_BEHALF_OF.remove();
            } else {
                ON_BEHALF_OF.set(before);
            }
        }
    }

    /** The person on whose behalf this thread works ({@link #onBehalfOf}), else the signed-in user, else {@code system}. */
    public static String currentActor() {
        String onBehalfOf = ON_BEHALF_OF.get();
        if (onBehalfOf != null) {
            return onBehalfOf;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? SYSTEM : auth.getName();
    }
}
