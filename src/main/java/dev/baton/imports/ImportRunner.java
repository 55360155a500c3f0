package dev.baton.imports;

import static dev.baton.audit.Changes.fields;

import dev.baton.account.AccountImports;
import dev.baton.audit.AuditLog;
import dev.baton.people.PeopleImports;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: counts the rows, then streams them in chunks (memory stays flat as the file
 * grows: the ids seen so far are kept in the database, see {@link FileKeys}). A dry run only
 * checks; a real import checks and writes in one transaction, rolled back when any row is bad, so
 * it writes everything or nothing. Progress is committed on its own.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobs jobs;
    private final PeopleImports people;
    private final Map<ImportKind, RowHandler> handlers;
    private final ImportSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate apart;
    private final JdbcTemplate jdbc;
    private final Validator validator;
    private final AccountImports accounts;
    private final dev.baton.people.TimeZones zones;

    /** The kinds whose rows each account's timeline counts in one line per import (accounts tell each row). */
    private static final Set<ImportKind> TOLD_PER_ACCOUNT =
            EnumSet.of(ImportKind.CONTACTS, ImportKind.INTERACTIONS, ImportKind.COMMITMENTS);

    ImportRunner(
            ImportJobs jobs,
            PeopleImports people,
            PeopleRows peopleRows,
            AccountRows accounts,
            ContactRows contacts,
            InteractionRows interactions,
            CommitmentRows commitments,
            LeadRows leads,
            ImportSettings settings,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactions,
            JdbcTemplate jdbc,
            Validator validator,
            AccountImports accountImports,
            dev.baton.people.TimeZones zones) {
        this.accounts = accountImports;
        this.zones = zones;
        this.jobs = jobs;
        this.validator = validator;
        this.jdbc = jdbc;
        this.people = people;
        this.handlers = Map.of(
                ImportKind.TEAMS,
                peopleRows.teams(),
                ImportKind.PEOPLE,
                peopleRows.people(),
                ImportKind.ACCOUNTS,
                accounts,
                ImportKind.CONTACTS,
                contacts,
                ImportKind.INTERACTIONS,
                interactions,
                ImportKind.COMMITMENTS,
                commitments,
                ImportKind.LEADS,
                leads);
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void run(long jobId, CsvFile file, Path path) {
        try {
            ImportJob job = jobs.findById(jobId).orElseThrow();
            Survey survey = survey(file, job);
            update(jobId, j -> j.started(survey.rows()));
            Map<String, List<PeopleImports.PersonRef>> directory =
                    people.directory(job.getSource().name());
            ImportRun[] runs = new ImportRun[1];
            int[] done = new int[1];
            // one transaction for a dry run too: the file's keys are in a temporary table of its own
            writing.executeWithoutResult(tx -> {
                ImportRun run = new ImportRun(
                        job.getSource(),
                        job.isDryRun(),
                        directory,
                        new FileKeys(jdbc),
                        validator,
                        survey.dates(),
                        zones.company());
                runs[0] = run;
                run.importedBy = new AccountImports.ImportedBy(jobId, job.getFileName());
                lookAhead(job, file, run);
                done[0] = pass(job, file, run, true);
                if (job.isDryRun() || run.errorCount > 0) {
                    tx.setRollbackOnly();
                } else {
                    if (TOLD_PER_ACCOUNT.contains(job.getKind())) {
                        accounts.tellRecordsImported(job.getKind().name(), run.importedBy);
                    }
                    audit.record(
                            "import.completed",
                            "import",
                            jobId,
                            null,
                            null,
                            fields(
                                    "kind",
                                    job.getKind().name(),
                                    "source",
                                    job.getSource().name(),
                                    "file",
                                    job.getFileName(),
                                    "created",
                                    run.created,
                                    "updated",
                                    run.updated,
                                    "unchanged",
                                    run.unchanged));
                }
            });
            ImportRun run = runs[0];
            if (job.isDryRun() || run.errorCount == 0) {
                // asked of the engine now, with the import's transaction (and its row locks) ended (issue 15)
                run.deactivating.forEach(d ->
                        run.runsThatWillStop(d, people.runsLaunchedBy(d.person().id())));
            }
            update(jobId, j -> j.finished(run, done[0], clock.instant()));
        } catch (RuntimeException | IOException e) {
            log.warn("import {} failed", jobId, e);
            update(jobId, j -> j.failed("the file could not be read to the end: " + e.getMessage(), clock.instant()));
        } finally {
            delete(path);
        }
    }

    /**
     * For a handler that {@link RowHandler#looksAhead}: a first pass over the whole file with a run
     * {@link ImportRun#lookingAhead()}, whose errors are dropped (the second pass finds them again), so
     * that the handler knows which rows pass their own checks before it judges any row by the others.
     */
    private void lookAhead(ImportJob job, CsvFile file, ImportRun run) {
        if (handlers.get(job.getKind()).looksAhead()) {
            pass(job, file, run.lookingAhead(), false);
            run.keys.clear();
        }
    }

    /** Reads every row in chunks (telling the progress when {@code progress}); returns the number of rows read. */
    private int pass(ImportJob job, CsvFile file, ImportRun run, boolean progress) {
        RowHandler handler = handlers.get(job.getKind());
        List<ImportRow> chunk = new ArrayList<>(settings.chunkSize());
        List<ImportRow> footer = new ArrayList<>();
        int done = 0;
        try (CSVParser parser = file.open()) {
            Header header = null;
            for (CSVRecord record : parser) {
                if (CsvFile.empty(record)) {
                    continue; // a blank line: a row of the spreadsheet, so its number counts (CsvFile#open)
                }
                if (header == null) {
                    header = Header.of(record.toList(), job.getKind(), job.getSource());
                    continue;
                }
                List<String> fields = record.toList();
                CsvFile.CutFormula formula =
                        file.cutFormula(fields, header.names().size());
                if (formula != null) {
                    fields = formula.rejoined(fields); // its pieces slid the fields after it: back to their columns
                }
                List<String> values = withoutEmptyTail(fields, header.names().size());
                ImportRow row = header.row(record.getRecordNumber(), values);
                if (record.size() == 1 && header.names().size() > 1) {
                    footer.add(row); // a report export's footer (title, copyright), unless more rows follow
                    continue;
                }
                footer.forEach(f -> run.error(
                        f, "", "has 1 field where the header has " + f.headers().size() + ": is the separator right?"));
                footer.clear();
                if (formula != null) {
                    // a formula cut by the separator is wrong data whatever the row's length (session 37's probe:
                    // =ROUND(A1;2) in a ';' file was imported as the name =ROUND(A1 and the territory 2))
                    run.error(row, formula.column(), file.cutFormulaProblem(formula));
                }
                // a short row is as malformed as a long one: its values may have slid into other columns
                if (values.size() < header.names().size()) {
                    run.error(
                            row,
                            "",
                            "has " + values.size() + " fields where the header has "
                                    + header.names().size());
                } else if (values.size() > header.names().size()) {
                    int past = pastTheHeader(values, header.names().size());
                    run.pastTheHeaderError(row, past, tooLong(values, past, header.names()));
                }
                chunk.add(row);
                if (chunk.size() == settings.chunkSize()) {
                    handle(handler, chunk, run);
                    done += chunk.size();
                    chunk.clear();
                    int rowsDone = done;
                    if (progress) {
                        update(job.getId(), j -> j.progress(rowsDone));
                    }
                }
            }
            handle(handler, chunk, run);
            done += chunk.size() + footer.size();
            if (!footer.isEmpty()) {
                run.notice(
                        footer.getFirst(),
                        "",
                        footer.size() + " one-field rows at the end read as a report footer and skipped");
            }
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A row's values without the empty fields past the header's last column, which Excel writes when a sheet had
     * wider rows once ({@code ...;Rob Jansen;;}): they hold nothing to lose. Fields with content there stay.
     */
    private static List<String> withoutEmptyTail(List<String> values, int columns) {
        int end = values.size();
        while (end > columns && values.get(end - 1).isBlank()) {
            end--;
        }
        return end == values.size() ? values : values.subList(0, end);
    }

    /** The first of a longer row's {@code values} past the header's {@code columns} that is not blank. */
    private static int pastTheHeader(List<String> values, int columns) {
        int past = columns;
        while (values.get(past).isBlank()) {
            past++; // the last field is not blank: withoutEmptyTail
        }
        return past;
    }

    /**
     * Why a row of {@code values}, longer than the header's {@code names}, does not fit it, at the first of its fields
     * past the last column that holds a value ({@code past}, 0 the first). Where the row went wrong the file does not
     * tell: that field is a value too many (the row's values in their columns), or a separator cut an unquoted value
     * in two where the values start to stand a column to the right. So the error says what to do in either case, and
     * stands at the one column that can be named, the one past the header: a guess at the other would send the user
     * to the wrong cell as often as not. Two or more fields past the header are named as a range with their count
     * ("columns 4-5 hold 2 values too many"): until session 38 the error said only the first was one too many.
     */
    private static String tooLong(List<String> values, int past, List<String> names) {
        int over = values.size() - past; // the last is not blank: withoutEmptyTail
        String tooMany = over == 1
                ? "column " + (past + 1) + " holds one too many (delete it); else a separator cut the first value out"
                        + " of place in two (put that value in quotes)"
                : "columns " + (past + 1) + "-" + values.size() + " hold " + over + " values too many (delete them);"
                        + " else separators cut values out of place (put each such value in quotes)";
        return "has " + values.size() + " fields where the header has " + names.size() + ": column " + (past + 1)
                + " is past the last column, " + names.getLast() + ", and where the row went wrong cannot be told from"
                + " the file: if its values stand in their columns, " + tooMany;
    }

    private static void handle(RowHandler handler, List<ImportRow> chunk, ImportRun run) {
        run.keys.before(FileKeys.of(chunk, run));
        handler.handle(chunk, run);
        run.chunkDone(); // the chunk's keys go to the file's table there
    }

    /** What is known of the whole file before any row is judged: its number of records, its way with slash dates. */
    private record Survey(int rows, SlashDates dates) {}

    /**
     * Reads the file once to count its records (footer lines too, {@link CsvFile#empty} ones and blank lines
     * not) and see which way round it writes its slash dates ({@link SlashDates}), so a
     * row's 01/03/2027 is read as the rows after it tell.
     */
    private static Survey survey(CsvFile file, ImportJob job) throws IOException {
        int rows = 0;
        SlashDates dates = new SlashDates();
        try (CSVParser parser = file.open()) {
            Header header = null;
            for (CSVRecord record : parser) {
                if (CsvFile.empty(record)) {
                    continue; // a blank line: a row of the spreadsheet, so its number counts (CsvFile#open)
                }
                if (header == null) {
                    header = Header.of(record.toList(), job.getKind(), job.getSource());
                    continue;
                }
                rows++;
                if (record.size() > 1 || header.names().size() == 1) { // not a report's footer line
                    List<String> fields = record.toList();
                    CsvFile.CutFormula formula =
                            file.cutFormula(fields, header.names().size());
                    dates.see(
                            header.row(record.getRecordNumber(), formula == null ? fields : formula.rejoined(fields)));
                }
            }
        }
        return new Survey(rows, dates);
    }

    private void update(long jobId, Consumer<ImportJob> change) {
        apart.executeWithoutResult(tx -> change.accept(jobs.findById(jobId).orElseThrow()));
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("could not delete {}", path, e);
        }
    }
}
