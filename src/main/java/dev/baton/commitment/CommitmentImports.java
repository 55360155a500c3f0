package dev.baton.commitment;

import dev.baton.shared.PlainText;
import dev.baton.shared.SaneDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk writes for importing commitments from a CRM export, keyed by source and external id. A new
 * open commitment gets its process from the sweep (as any commitment without one does). Importing
 * the same row again updates what it promises, to whom, by when and who owns it, never its status:
 * a status changes only through the commitment's own steps.
 */
@Service
public class CommitmentImports {

    /**
     * A commitment row; ids are Baton's, {@code contactId}, {@code ownerId} and {@code teamId} may be
     * null. Held to the rules of {@link NewCommitment} but one: an imported commitment is history, so
     * its due date may have passed. {@code deliveredAt}, when its source recorded it (delivered or
     * verified ones only), dates the delivery for the trust report as Baton's audited delivery does.
     */
    public record ImportedCommitment(
            String externalId,
            long accountId,
            Long contactId,

            @NotBlank @Size(max = Commitment.DESCRIPTION_MAX) @PlainText
            String description,

            long madeById,
            Long ownerId,
            Long teamId,
            @SaneDate LocalDate dueDate,
            CommitmentStatus status,
            @PastOrPresent @SaneDate Instant deliveredAt) {}

    private final JdbcTemplate jdbc;

    CommitmentImports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A commitment imported before, as it stands before this import: its id, owner (null for none) and
     * status (which a re-import keeps), and how the import's report names it ({@link Commitment#named}
     * with its account: {@code the commitment "Send the SOC 2 report" to Acme GmbH}).
     */
    public record Existing(long id, Long ownerId, CommitmentStatus status, String named) {

        /** The commitment's page. */
        public String page() {
            return "/commitments/" + id;
        }
    }

    /** The commitments of {@code source} among {@code externalIds}, by external id. One query. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, Existing> existing(String source, Collection<String> externalIds) {
        Map<String, Existing> found = new HashMap<>();
        jdbc.query(
                """
        select c.external_id, c.id, c.owner_id, c.status, c.description, a.name
        from commitment c join account a on a.id = c.account_id
        where c.external_source = ? and c.external_id = any(?)""",
                rs -> {
                    found.put(
                            rs.getString(1),
                            new Existing(
                                    rs.getLong(2),
                                    rs.getObject(3, Long.class),
                                    CommitmentStatus.valueOf(rs.getString(4)),
                                    "the " + Commitment.named(rs.getString(5), rs.getString(6))));
                },
                source,
                externalIds.toArray(String[]::new));
        return found;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void upsert(String source, List<ImportedCommitment> rows) {
        jdbc.batchUpdate("""
        insert into commitment (account_id, contact_id, description, made_by_id, owner_id, delivering_team_id, due_date,
          status, external_source, external_id, imported_delivered_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (external_source, external_id) where external_id is not null do update set
          contact_id = excluded.contact_id, description = excluded.description, owner_id = excluded.owner_id,
          delivering_team_id = excluded.delivering_team_id, due_date = excluded.due_date,
          imported_delivered_at = case when commitment.status in ('DELIVERED', 'VERIFIED')
            then coalesce(excluded.imported_delivered_at, commitment.imported_delivered_at)
            else commitment.imported_delivered_at end,
          version = commitment.version + 1, updated_at = now()""", rows, 1000, (ps, c) -> {
            ps.setLong(1, c.accountId());
            ps.setObject(2, c.contactId());
            ps.setString(3, c.description());
            ps.setLong(4, c.madeById());
            ps.setObject(5, c.ownerId());
            ps.setObject(6, c.teamId());
            ps.setDate(7, Date.valueOf(c.dueDate()));
            ps.setString(8, c.status().name());
            ps.setString(9, source);
            ps.setString(10, c.externalId());
            ps.setTimestamp(11, c.deliveredAt() == null ? null : Timestamp.from(c.deliveredAt()));
        });
    }
}
