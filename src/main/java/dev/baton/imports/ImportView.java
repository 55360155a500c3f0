package dev.baton.imports;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * An import as the API shows it. {@code created} and {@code updated} count rows that make a new
 * record or update one imported before (in a dry run: that would), {@code unchanged} rows that meet a
 * record imported before and change none of its values (every kind since session 45; until then only
 * accounts and contacts, the others counting every such row as updated); {@code errors} and
 * {@code notices} are the first 1,000 of each, {@code errorCount} all errors; {@code runsThatWillStop}
 * names the people rows that deactivate someone and the playbook runs they launched that then stop (see {@link
 * RunsThatWillStop}); {@code problem} says why the file as a whole could not be read.
 */
public record ImportView(
        Long id,
        ImportKind kind,
        ImportSource source,
        String fileName,
        boolean dryRun,
        ImportJob.Status status,
        Integer rowsTotal,
        int rowsDone,
        int created,
        int updated,
        int unchanged,
        long errorCount,
        List<RowError> errors,
        List<RowError> notices,

        @Schema(
                description = "People rows that deactivate (in a dry run: would deactivate) someone"
                        + " active, each with the running playbook runs that person launched from the"
                        + " catalogue, as POST /api/people/{id}/deactivate answers them: each stops with"
                        + " an incident at its next building block (blocks act with the launcher's"
                        + " rights, and someone who has left has none); relaunch those still needed as"
                        + " someone who stays. Empty when a real import fails (it wrote nothing);"
                        + " each run's page is /playbooks/instances/{processInstanceKey}. When a person's"
                        + " runs could not be listed (the engine did not answer), the row is imported all"
                        + " the same and its entry has runs empty and problem saying so (else problem is null)")
        List<RunsThatWillStop> runsThatWillStop,

        String problem,
        String createdBy,
        Instant createdAt,
        Instant finishedAt) {

    static ImportView from(ImportJob j) {
        return new ImportView(
                j.getId(),
                j.getKind(),
                j.getSource(),
                j.getFileName(),
                j.isDryRun(),
                j.getStatus(),
                j.getRowsTotal(),
                j.getRowsDone(),
                j.getCreatedCount(),
                j.getUpdatedCount(),
                j.getUnchangedCount(),
                j.getErrorCount(),
                j.getErrors(),
                j.getNotices(),
                j.getRunsThatWillStop(),
                j.getProblem(),
                j.getCreatedBy(),
                j.getCreatedAt(),
                j.getFinishedAt());
    }

    public boolean running() {
        return status == ImportJob.Status.QUEUED || status == ImportJob.Status.RUNNING;
    }
}
