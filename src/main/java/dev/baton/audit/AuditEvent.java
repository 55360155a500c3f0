package dev.baton.audit;

import dev.baton.shared.JsonMaps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** Who changed what, and when. Append-only: the database refuses updates and deletes. */
@Entity
@Immutable
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    Instant at;

    @Column(nullable = false)
    String actor;

    @Column(nullable = false)
    String action;

    @Column(nullable = false)
    String entityType;

    @Column(nullable = false)
    Long entityId;

    Long accountId;

    @Mutability(Immutability.class)
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> beforeState;

    @Mutability(Immutability.class)
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> afterState;

    protected AuditEvent() {}

    AuditEvent(
            Instant at,
            String actor,
            String action,
            String entityType,
            Long entityId,
            Long accountId,
            Map<String, Object> beforeState,
            Map<String, Object> afterState) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.accountId = accountId;
        this.beforeState = JsonMaps.copyOf(beforeState);
        this.afterState = JsonMaps.copyOf(afterState);
    }

    /** The id the database gave this record, written with one insert outside JPA ({@link AuditLog#record}). */
    void recordedAs(long id) {
        this.id = id;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    /** The action in words ("Handover launched"), as {@link AuditActions#label} reads it. */
    public String getActionLabel() {
        return AuditActions.label(action);
    }

    public String getEntityType() {
        return entityType;
    }

    public Long getEntityId() {
        return entityId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Map<String, Object> getBeforeState() {
        return JsonMaps.view(beforeState);
    }

    public Map<String, Object> getAfterState() {
        return JsonMaps.view(afterState);
    }
}
