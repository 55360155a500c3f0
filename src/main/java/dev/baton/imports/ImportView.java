package dev.baton.imports;

import java.time.Instant;
import java.util.List;

/**
 * An import as the API shows it. {@code created} and {@code updated} count rows that make a new
 * record or update one imported before (in a dry run: that would); {@code errors} and
 * {@code notices} are the first 1,000 of each, {@code errorCount} all errors; {@code problem} says why
 * the file as a whole could not be read.
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
        long errorCount,
        List<RowError> errors,
        List<RowError> notices,
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
                j.getErrorCount(),
                j.getErrors(),
                j.getNotices(),
                j.getProblem(),
                j.getCreatedBy(),
                j.getCreatedAt(),
                j.getFinishedAt());
    }

    public boolean running() {
        return status == ImportJob.Status.QUEUED || status == ImportJob.Status.RUNNING;
    }
}
