package dev.baton.lead;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Leads extends JpaRepository<Lead, Long>, JpaSpecificationExecutor<Lead> {

    @Query("select l from Lead l where lower(l.email) = lower(:email)")
    Optional<Lead> findByEmail(String email);

    @Query("select l from Lead l where lower(l.email) in :emails")
    List<Lead> findByLowerEmailIn(Collection<String> emails);

    List<Lead> findByExternalSourceAndExternalIdIn(String source, Collection<String> ids);

    /**
     * The leads imported from {@code source} with these ids, each row held until the transaction ends, in
     * id order: a file imported again updates them while their follow-up playbook may be changing them too
     * (assigning an owner), and an unlocked read failed the whole import on the version ("Row was updated or
     * deleted by another transaction", found by the suite under load); now one waits for the other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Lead l where l.externalSource = :source and l.externalId in :ids order by l.id")
    List<Lead> lockByExternalSourceAndExternalIdIn(String source, Collection<String> ids);

    /** A person's leads in these statuses, oldest first. */
    List<Lead> findByOwnerIdAndStatusInOrderById(Long ownerId, Collection<LeadStatus> statuses);

    /** When each of these people was last given a lead (null: never): round-robin goes to whoever waited longest. */
    @Query("select o.id, max(l.assignedAt) from Lead l join l.owner o where o.id in :ownerIds group by o.id")
    List<Object[]> lastAssignedAt(Collection<Long> ownerIds);

    /**
     * The user names of everyone the lead was given to, from its audited assignments ({@code lead.assigned},
     * one per move, as {@link LeadStatistics} reads who held a lead when): the reassignment passes over
     * those who already let it lapse.
     */
    @Query(
            value = "select distinct e.after_state ->> 'owner' from audit_event e where e.entity_type = 'lead'"
                    + " and e.entity_id = :leadId and e.action = 'lead.assigned'",
            nativeQuery = true)
    List<String> ownersSoFar(long leadId);
}
