package dev.baton.imports;

import dev.baton.people.PeopleService;
import dev.baton.people.Role;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports of a team's book from CSV files: by admins and revenue ops at the edge, and here by kind
 * ({@link ImportKind#capability}: teams and people by admins only, as are their imports' reports). A file is checked as a
 * whole at once (a {@link BadRequestException} on {@code file}), then its rows are read in the
 * background: the returned import shows the progress, and its errors once done.
 */
@Service
public class ImportService {

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ImportSettings settings;
    private final PeopleService people;
    /**
     * Imports run in the background on two threads (a large one takes minutes), as the admin who
     * started them, so the audit log names that admin. Not a bean: an Executor bean would replace
     * Spring Boot's own task executor. A restart loses running imports: they write nothing (their
     * transaction never commits) and stay RUNNING; the admin imports the file again.
     */
    private final ThreadPoolTaskExecutor threads;

    private final Executor executor;

    ImportService(ImportJobs jobs, ImportRunner runner, ImportSettings settings, PeopleService people) {
        this.jobs = jobs;
        this.people = people;
        this.runner = runner;
        this.settings = settings;
        this.threads = new ThreadPoolTaskExecutor();
        threads.setCorePoolSize(2);
        threads.setMaxPoolSize(2);
        threads.setQueueCapacity(50);
        threads.setThreadNamePrefix("import-");
        threads.initialize();
        this.executor = new DelegatingSecurityContextExecutor(threads);
    }

    @PreDestroy
    void stop() {
        threads.shutdown();
    }

    /**
     * Starts an import of {@code content} (closed here). Throws {@link BadRequestException} on {@code file}
     * when the file is empty, too large, not UTF-8 text, not readable as CSV (a quote left open: "row 3:
     * a quoted value is not closed"), misses a required column or has a header but no rows; nothing is
     * written then, and no import is recorded. Throws {@link AccessDeniedException} when {@code username}
     * may not import {@code kind} ({@link #kindsFor}), before reading the file.
     */
    public ImportView submit(
            ImportKind kind,
            ImportSource source,
            boolean dryRun,
            String fileName,
            InputStream content,
            String username) {
        if (kind == null) {
            throw new BadRequestException(
                    "kind", "one of TEAMS, PEOPLE, ACCOUNTS, CONTACTS, INTERACTIONS, COMMITMENTS, LEADS");
        }
        requireMayImport(kind, username);
        Path path = store(content);
        try {
            CsvFile file = CsvFile.check(path, settings.maxFileSize().toBytes());
            checkHeader(file, kind, source);
            ImportJob job = jobs.save(new ImportJob(kind, source, name(fileName), dryRun, username));
            executor.execute(() -> runner.run(job.getId(), file, path));
            return ImportView.from(job);
        } catch (RuntimeException e) {
            delete(path);
            throw e;
        }
    }

    /**
     * One import, for someone who may import its kind.
     *
     * @throws NotFoundException for an unknown id
     * @throws AccessDeniedException when {@code username} may not import its kind (a people import's
     *     report names people and the runs their deactivation stops: admins' business)
     */
    @Transactional(readOnly = true)
    public ImportView get(Long id, String username) {
        ImportJob job = jobs.findById(id).orElseThrow(() -> new NotFoundException("import", id));
        requireMayImport(job.getKind(), username);
        return ImportView.from(job);
    }

    /** The imports of the kinds {@code username} may import ({@link #kindsFor}). */
    @Transactional(readOnly = true)
    public Page<ImportView> find(Pageable pageable, String username) {
        return jobs.findByKindIn(kindsFor(username), pageable).map(ImportView::from);
    }

    /** The kinds {@code username} may import, in the order files should come ({@link ImportKind#capability}). */
    @Transactional(readOnly = true)
    public List<ImportKind> kindsFor(String username) {
        Set<Role> roles = people.signedIn(username).getRoles();
        return Arrays.stream(ImportKind.values())
                .filter(k -> k.capability().grantedTo(roles))
                .toList();
    }

    private void requireMayImport(ImportKind kind, String username) {
        if (!kindsFor(username).contains(kind)) {
            throw new AccessDeniedException(
                    kind == ImportKind.TEAMS
                            ? "Only admins import teams: teams are part of managing people (who reports where, who sees whose"
                                    + " work)"
                            : "Only admins import people: it creates sign-in users and gives roles");
        }
    }

    private static void checkHeader(CsvFile file, ImportKind kind, ImportSource source) {
        try (CSVParser parser = file.open()) {
            var records = parser.iterator();
            CSVRecord first = null;
            while (records.hasNext() && CsvFile.empty(first = records.next())) {
                first = null; // blank lines above the header (CsvFile#open)
            }
            if (first == null) {
                throw new BadRequestException("file", "the file has no header row");
            }
            Header header = Header.of(first.toList(), kind, source);
            noRows(records, header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses a file with a header and no data row: importing it would say nothing was wrong and do
     * nothing. One-field lines after a header of several columns are a report's footer, as the runner
     * reads them ({@link ImportRunner}), so a report export of no rows is refused too, as is a file whose
     * rows are all {@link CsvFile#empty}, which the runner skips as blank lines. Stops at the first data row
     * ({@link CsvFile#check} has read every record already).
     */
    private static void noRows(Iterator<CSVRecord> rest, Header header) {
        int footer = 0;
        while (rest.hasNext()) {
            CSVRecord record = rest.next();
            if (CsvFile.empty(record)) {
                continue;
            }
            if (record.size() > 1 || header.names().size() == 1) {
                return;
            }
            footer++;
        }
        throw new BadRequestException(
                "file",
                footer == 0
                        ? "the file has a header but no rows: add a row per record under the header"
                        : "the file has a header but no rows: the " + (footer == 1 ? "line" : footer + " lines")
                                + " under it hold one field each, read as a report's footer");
    }

    private static Path store(InputStream content) {
        try (content) {
            Path path = Files.createTempFile("baton-import-", ".csv");
            Files.copy(content, path, StandardCopyOption.REPLACE_EXISTING);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName;
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temp file: the OS clears it
        }
    }
}
