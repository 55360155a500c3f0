package dev.baton.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One import of one file: queued, running (rows done of the total), then succeeded or failed with its errors. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    /** QUEUED → RUNNING → SUCCEEDED (a dry run without errors, or everything written) or FAILED (nothing written). */
    public enum Status {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    ImportKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    ImportSource source;

    @Column(nullable = false, updatable = false)
    String fileName;

    boolean dryRun;

    @Enumerated(EnumType.STRING)
    Status status = Status.QUEUED;

    Integer rowsTotal;
    int rowsDone;
    int createdCount;
    int updatedCount;
    /** Rows that met a record and change none of its values (V95; before it, such rows counted as updated). */
    int unchangedCount;

    long errorCount;

    @JdbcTypeCode(SqlTypes.JSON)
    List<RowError> errors = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    List<RowError> notices = new ArrayList<>();

    /** Empty unless the import deactivates (a dry run: would) people whose launched runs then stop. */
    @JdbcTypeCode(SqlTypes.JSON)
    List<RunsThatWillStop> runsThatWillStop = new ArrayList<>();

    String problem;

    @Column(nullable = false, updatable = false)
    String createdBy;

    @CreationTimestamp
    Instant createdAt;

    Instant finishedAt;

    @Version
    long version;

    protected ImportJob() {}

    ImportJob(ImportKind kind, ImportSource source, String fileName, boolean dryRun, String createdBy) {
        this.kind = kind;
        this.source = source;
        this.fileName = fileName;
        this.dryRun = dryRun;
        this.createdBy = createdBy;
    }

    void started(int rowsTotal) {
        this.status = Status.RUNNING;
        this.rowsTotal = rowsTotal;
    }

    void progress(int rowsDone) {
        this.rowsDone = rowsDone;
    }

    void finished(ImportRun run, int rowsDone, Instant at) {
        this.status = run.errorCount == 0 ? Status.SUCCEEDED : Status.FAILED;
        this.rowsDone = rowsDone;
        // a real import with a bad row was rolled back: it created, updated and left nothing, whatever its rows
        // counted; a dry run tells what importing would do
        boolean rolledBack = !dryRun && run.errorCount > 0;
        this.createdCount = rolledBack ? 0 : run.created;
        this.updatedCount = rolledBack ? 0 : run.updated;
        this.unchangedCount = rolledBack ? 0 : run.unchanged;
        this.errorCount = run.errorCount;
        this.errors = run.errors();
        this.notices = run.notices();
        // a real import with a bad row wrote nothing, so it stops no run; a dry run tells what importing would
        this.runsThatWillStop = dryRun || run.errorCount == 0 ? List.copyOf(run.runsThatWillStop) : List.of();
        this.finishedAt = at;
    }

    /** The file as a whole could not be read (nothing was written). */
    void failed(String problem, Instant at) {
        this.status = Status.FAILED;
        this.problem = problem;
        this.finishedAt = at;
    }

    public Long getId() {
        return id;
    }

    public ImportKind getKind() {
        return kind;
    }

    public ImportSource getSource() {
        return source;
    }

    public String getFileName() {
        return fileName;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public Status getStatus() {
        return status;
    }

    public Integer getRowsTotal() {
        return rowsTotal;
    }

    public int getRowsDone() {
        return rowsDone;
    }

    public int getCreatedCount() {
        return createdCount;
    }

    public int getUpdatedCount() {
        return updatedCount;
    }

    public int getUnchangedCount() {
        return unchangedCount;
    }

    public long getErrorCount() {
        return errorCount;
    }

    public List<RowError> getErrors() {
        return errors;
    }

    public List<RowError> getNotices() {
        return notices;
    }

    public List<RunsThatWillStop> getRunsThatWillStop() {
        return runsThatWillStop;
    }

    public String getProblem() {
        return problem;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
