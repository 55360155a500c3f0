package dev.baton.imports;

import dev.baton.account.AccountImports;
import dev.baton.account.AccountImports.Found;
import dev.baton.people.LaunchedRun;
import dev.baton.people.PeopleFile;
import dev.baton.people.PeopleImports;
import dev.baton.people.PeopleImports.PersonRef;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One pass over a file: the errors and notices found so far (each kept up to a cap, all counted),
 * whether rows are written (not in a dry run, and no longer once any row was bad: the transaction
 * is rolled back anyway), and the look-ups rows share.
 */
final class ImportRun {

    static final int MAX_KEPT = 1000;

    final ImportSource source;
    final boolean dryRun;
    /**
     * A first pass over a file whose handler {@link RowHandler#looksAhead}: rows are checked and
     * nothing is written, kept or counted but what the handler notes of the rows that pass.
     */
    final boolean lookingAhead;

    private final List<Listed> errors = new ArrayList<>();
    private final List<Listed> notices = new ArrayList<>();
    private long listed;
    /** The rows of the chunk being read that have an error (any rule, the row's length too). */
    private final Set<Long> refusedRows = new HashSet<>();
    /**
     * The errors and notices of the chunk being read that name the earlier row whose key they repeat: whether
     * that row has errors of its own is known once the chunk is done ({@link #chunkDone}).
     */
    private final List<Repeat> repeats = new ArrayList<>();
    /** The people rows so far that deactivate someone whose launched runs then stop (the first {@link #MAX_KEPT}). */
    final List<RunsThatWillStop> runsThatWillStop = new ArrayList<>();
    /** The people rows so far that deactivate someone active (the first {@link #MAX_KEPT}). */
    final List<Deactivating> deactivating = new ArrayList<>();

    /** The import that writes, as the accounts' timelines name it; set by the runner before the rows are read. */
    AccountImports.ImportedBy importedBy;

    long errorCount;
    int created;
    int updated;
    /** Rows that met a record Baton has and would change none of its values ({@link #matched(ImportRow, Found, boolean)}). */
    int unchanged;
    /** The fields that hold a row's own id (which {@link #externalId} reads): a repeat within one file is an error. */
    static final List<String> KEY_FIELDS = List.of("external_id", "key", "email");
    /** What a repeat of each key field is said to repeat: a person's e-mail is no id to whoever wrote the file. */
    private static final Map<String, String> KEY_NAMES =
            Map.of("external_id", "id", "key", "key", "email", "e-mail address");

    private final Map<String, List<PersonRef>> people;
    /** Why each owner a row named so far may take no new work ({@link dev.baton.people.Leavers}): asked once a file. */
    final Map<Long, Optional<String>> leaving = new HashMap<>();
    /** Ids of the active admins the file's people rows so far deactivate or take ADMIN from ({@link PeopleImports#refusal}). */
    final Set<Long> adminsLosing = new HashSet<>();
    /** What every people row of the file does to roles and the active flag, read before any row is judged. */
    final PeopleFile peopleFile;

    /** External ids and e-mail addresses of the rows read so far, each with its first row. */
    final FileKeys keys;

    /** Which way round the whole file writes its slash dates, seen before any row is read. */
    private final SlashDates slashDates;

    private final Validator validator;
    /** Where a time the file writes without a zone was: the company's ({@link dev.baton.people.TimeZones#company}). */
    private final ZoneId zone;
    /** The row of the last error and the fields it has errors in: one problem per cell is enough. */
    private long rowInError = -1;

    private final Set<String> fieldsInError = new HashSet<>();

    ImportRun(
            ImportSource source,
            boolean dryRun,
            Map<String, List<PersonRef>> people,
            FileKeys keys,
            Validator validator,
            SlashDates slashDates,
            ZoneId zone) {
        this(source, dryRun, false, people, keys, validator, new PeopleFile(), slashDates, zone);
    }

    private ImportRun(
            ImportSource source,
            boolean dryRun,
            boolean lookingAhead,
            Map<String, List<PersonRef>> people,
            FileKeys keys,
            Validator validator,
            PeopleFile peopleFile,
            SlashDates slashDates,
            ZoneId zone) {
        this.source = source;
        this.dryRun = dryRun;
        this.lookingAhead = lookingAhead;
        this.people = people;
        this.keys = keys;
        this.validator = validator;
        this.peopleFile = peopleFile;
        this.slashDates = slashDates;
        this.zone = zone;
    }

    /**
     * A run for the first pass of a handler that {@link RowHandler#looksAhead}: it shares this run's
     * keys (clear them after the pass) and notes what passing rows do in this run's {@link #peopleFile};
     * its errors and notices are its own, and it never writes.
     */
    ImportRun lookingAhead() {
        return new ImportRun(source, true, true, people, keys, validator, peopleFile, slashDates, zone);
    }

    boolean writing() {
        return !dryRun && errorCount == 0;
    }

    void error(ImportRow row, String field, String problem) {
        errorCount++;
        refusedRows.add(row.number());
        if (rowInError != row.number()) {
            rowInError = row.number();
            fieldsInError.clear();
        }
        fieldsInError.add(field);
        keep(errors, row, field, problem, null);
    }

    /**
     * An error at the file's {@code column} of {@code row} (0 the first, within the header): at the Baton field the
     * column is read as, else at the column as the file names it, one Baton does not read (its value can still be
     * wrong for the row: a formula cut by the separator slides the columns after it).
     */
    void error(ImportRow row, int column, String problem) {
        String field = row.field(column);
        if (field != null) {
            error(row, field, problem);
            return;
        }
        errorCount++;
        refusedRows.add(row.number());
        String value = column < row.values().size() ? row.values().get(column).strip() : "";
        keep(
                errors,
                new Listed(
                        row.number(),
                        column,
                        listed++,
                        new RowError(
                                row.number(),
                                row.headers().get(column),
                                value.isEmpty() ? null : cut(value),
                                problem,
                                null)));
    }

    /**
     * An error of {@code row} as a whole, its fields past the header's last column, at the first of them that holds
     * a value ({@code column}, 0 the first): the file names no such column, so it is named by its place, "column 7"
     * (until session 38 the error named no column, and the page said "the whole row"). Listed first in its row all
     * the same: the row's other errors may come of values standing a column out of place.
     */
    void pastTheHeaderError(ImportRow row, int column, String problem) {
        errorCount++;
        refusedRows.add(row.number());
        String value = row.values().get(column).strip();
        keep(
                errors,
                new Listed(
                        row.number(),
                        row.position(""),
                        listed++,
                        new RowError(row.number(), "column " + (column + 1), cut(value), problem, null)));
    }

    void notice(ImportRow row, String field, String notice) {
        notice(row, field, notice, null);
    }

    /** A notice naming a record Baton has, with the path of its page ({@link RowError#link}). */
    void notice(ImportRow row, String field, String notice, String link) {
        keep(notices, row, field, notice, link);
    }

    /** The errors kept, as a user reads the file: by row, then by column (the row as a whole first). */
    List<RowError> errors() {
        return errors.stream().map(Listed::error).toList();
    }

    /** The notices kept, in the order of {@link #errors()}. */
    List<RowError> notices() {
        return notices.stream().map(Listed::error).toList();
    }

    /**
     * Whether {@code row} has no error so far: then it is written (unless the run writes nothing). The keys
     * it gave ({@link #externalId}, a lead's or contact's e-mail, a username) are the file's either way: a
     * later row repeating them is a repeat, which says so when this row has errors of its own ({@link
     * #repeatError}), so one run reports both (they came in rounds before: session 35's probe).
     */
    boolean accepted(ImportRow row) {
        return !refused(row);
    }

    /** Whether {@code row} has an error so far (in the chunk being read). */
    boolean refused(ImportRow row) {
        return refusedRows.contains(row.number());
    }

    /**
     * A chunk is done: each repeat of a row that has errors of its own now says so, the chunk's keys go to
     * {@link #keys} with whether their first row was refused, and whose rows had errors is no longer asked.
     */
    void chunkDone() {
        for (Repeat r : repeats) {
            if (refusedRows.contains(r.first()) || keys.refusedEarlier(r.first())) {
                List<Listed> list = r.error() ? errors : notices;
                int at = Collections.binarySearch(list, r.listed(), Listed.READING_ORDER);
                if (at >= 0) {
                    RowError was = list.get(at).error();
                    list.set(
                            at,
                            new Listed(
                                    r.listed().row(),
                                    r.listed().position(),
                                    r.listed().seq(),
                                    new RowError(
                                            was.row(),
                                            was.column(),
                                            was.value(),
                                            r.problem().apply(ofRow(r.first()) + " (which has its own error)"),
                                            was.link())));
                }
            }
        }
        repeats.clear();
        keys.after(refusedRows);
        refusedRows.clear();
    }

    /**
     * An error at {@code field} of {@code row} for repeating a key of the earlier row {@code first}:
     * {@code problem} says it of that row as given ("row 3"), and once the chunk is done it is said again
     * of "row 3 (which has its own error)" when that row has errors of its own: a repeat is one whether
     * or not the first row is refused, and the report then says why the first is not imported either.
     */
    void repeatError(ImportRow row, String field, long first, UnaryOperator<String> problem) {
        error(row, field, problem.apply(ofRow(first)));
        repeats.add(new Repeat(true, listedLast(row, field), first, problem));
    }

    /** A notice at {@code field} of {@code row} for repeating a key of row {@code first}, as {@link #repeatError}. */
    void repeatNotice(ImportRow row, String field, long first, UnaryOperator<String> problem) {
        notice(row, field, problem.apply(ofRow(first)));
        repeats.add(new Repeat(false, listedLast(row, field), first, problem));
    }

    private static String ofRow(long first) {
        return "row " + first;
    }

    /** Where the entry just kept for {@code row} and {@code field} stands in reading order. */
    private Listed listedLast(ImportRow row, String field) {
        return new Listed(row.number(), row.position(field), listed - 1, null);
    }

    /** A repeat's entry as kept, the row it repeats and its problem said of that row. */
    private record Repeat(boolean error, Listed listed, long first, UnaryOperator<String> problem) {}

    /**
     * Keeps {@code list} in reading order (row, then the column's place in the file, then as found),
     * whatever order the rules ran in, and its first {@link #MAX_KEPT} entries: rows are read in order,
     * so an entry past the last kept one comes after every kept one.
     */
    private void keep(List<Listed> list, ImportRow row, String field, String problem, String link) {
        keep(
                list,
                new Listed(
                        row.number(),
                        row.position(field),
                        listed++,
                        new RowError(row.number(), row.column(field), cut(row.get(field)), problem, link)));
    }

    private void keep(List<Listed> list, Listed entry) {
        int at = -Collections.binarySearch(list, entry, Listed.READING_ORDER) - 1;
        if (at >= MAX_KEPT) {
            return;
        }
        list.add(at, entry);
        if (list.size() > MAX_KEPT) {
            list.removeLast();
        }
    }

    /** An error or notice with where it stands in the file. */
    private record Listed(long row, int position, long seq, RowError error) {
        static final Comparator<Listed> READING_ORDER = Comparator.comparingLong(Listed::row)
                .thenComparingInt(Listed::position)
                .thenComparingLong(Listed::seq);
    }

    /**
     * Records that {@code row} deactivates {@code person}: the runs they launched stop (the first
     * {@link #MAX_KEPT} such rows are kept; their runs are listed by {@link #runsThatWillStop} once the
     * import's transaction has ended).
     */
    void deactivates(ImportRow row, PersonRef person) {
        if (deactivating.size() < MAX_KEPT) {
            deactivating.add(new Deactivating(row.number(), person));
        }
    }

    /** A people row that deactivates someone active, whose launched runs are listed after the import. */
    record Deactivating(long row, PersonRef person) {}

    /**
     * Records the runs a deactivated person launched (none: nothing; empty: they could not be listed,
     * which is said instead).
     */
    void runsThatWillStop(Deactivating d, Optional<List<LaunchedRun>> runs) {
        if (runs.map(List::isEmpty).orElse(false)) {
            return;
        }
        runsThatWillStop.add(new RunsThatWillStop(
                d.row(),
                d.person().id(),
                d.person().username(),
                d.person().fullName(),
                runs.orElse(List.of()),
                runs.isPresent() ? null : RunsThatWillStop.NOT_LISTED));
    }

    /**
     * Holds a row's record to the constraints it declares, the same ones the API's requests carry
     * (e.g. {@code @SaneDate}, {@code @SingleLine}, {@code @DeliverableEmail}), so a file cannot store
     * what a form or the API refuses. Each problem is an error in the column the property reads
     * ({@code renewalDate} is {@code renewal_date}, or as {@code columns} maps it), unless that cell
     * has an error already.
     */
    void check(ImportRow row, Object record, Map<String, String> columns) {
        validator.validate(record).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) ->
                                v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> {
                    String property = v.getPropertyPath().toString();
                    String field = columns.getOrDefault(property, snakeCase(property));
                    if (rowInError != row.number() || !fieldsInError.contains(field)) {
                        error(row, field, v.getMessage());
                    }
                });
    }

    void check(ImportRow row, Object record) {
        check(row, record, Map.of());
    }

    private static String snakeCase(String property) {
        return property.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** A required value, or null after recording it missing. */
    String required(ImportRow row, String field) {
        String value = row.get(field);
        if (value == null) {
            error(row, field, "is required");
        }
        return value;
    }

    /**
     * The row's own id in {@code field} ({@link #KEY_FIELDS}) in its source's canonical form; a repeat of
     * an earlier row's that was not refused is an error naming what it repeats (the id, the key, the
     * e-mail address) and that row.
     */
    String externalId(ImportRow row, String field) {
        String id = required(row, field);
        if (id == null) {
            return null;
        }
        if (id.length() > 100) {
            error(row, field, "is longer than 100 characters");
            return null;
        }
        id = canonical(id);
        long earlier = keys.firstRow(idKey(field, id), row.number());
        if (earlier != row.number()) {
            repeatError(row, field, earlier, of -> "repeats the " + KEY_NAMES.get(field) + " of " + of);
            return null;
        }
        return id;
    }

    /**
     * How {@link #externalId} remembers a row's id in {@code field}: the field, a colon and the id in
     * its source's canonical form (Salesforce ids in their 18 characters; an e-mail address in lower
     * case, as Baton matches addresses in any case, so NEW1@ repeats new1@ rather than reaching the
     * database as a second person with the same address); null for no id or one over 100 characters,
     * which is an error and remembered by nobody.
     */
    String idKey(String field, String id) {
        if (id == null || id.length() > 100) {
            return null;
        }
        if (field.equals("email")) {
            return field + ":" + id.toLowerCase(java.util.Locale.ROOT);
        }
        return field + ":" + canonical(id);
    }

    /** An id in its source's canonical form: a Salesforce id in its 18 characters, any other as it is. */
    private String canonical(String id) {
        return source == ImportSource.SALESFORCE && Values.salesforceId(id) ? Values.salesforce18(id) : id;
    }

    /** How {@link #firstWithEmail} remembers an e-mail address: any case alike. */
    static String emailKey(String email) {
        return "e-mail:" + email.toLowerCase(java.util.Locale.ROOT);
    }

    /** A reference to another record of this source by its external id, in canonical form. */
    String reference(String id) {
        if (id == null) {
            return null;
        }
        String first = id.split("[;,]")[0].strip(); // HubSpot lists every associated id: the first is the primary
        return canonical(first);
    }

    /**
     * The person a row names in {@code field} by e-mail, full name, username or (for this source)
     * external id; null after recording the error when nobody or several people match. E-mail, name and
     * username match in any case, as the rest of Baton takes them (usernames are lower case, V1's check;
     * session 35's probe found {@code ROB} was nobody).
     */
    PersonRef person(ImportRow row, String field, boolean mustBeActive) {
        String value = row.get(field);
        if (value == null) {
            return null;
        }
        List<PersonRef> matches = people.get("email:" + value.toLowerCase(java.util.Locale.ROOT));
        for (String key : new String[] {
            "id:" + reference(value),
            "username:" + value.toLowerCase(java.util.Locale.ROOT),
            "name:" + PeopleImports.normaliseName(value)
        }) {
            if (matches == null) {
                matches = people.get(key);
            }
        }
        if (matches == null) {
            // the column the row has: an interaction's "by", a commitment's "made_by" (it said "the owner" for all)
            error(
                    row,
                    field,
                    "no person in Baton has this e-mail or name: import people first, or correct the "
                            + row.column(field) + " column");
            return null;
        }
        if (matches.size() > 1) {
            error(row, field, matches.size() + " people have this name: give the e-mail address instead");
            return null;
        }
        PersonRef person = matches.getFirst();
        if (mustBeActive && !person.active()) {
            error(row, field, person.fullName() + " is inactive and cannot own anything");
            return null;
        }
        return person;
    }

    /** The first row that had this e-mail address; {@code row} when none before it had. */
    long firstWithEmail(String email, long row) {
        return keys.firstRow(emailKey(email), row);
    }

    /** The person whose external id in this file's source is {@code id} (canonical or not), or null. */
    PersonRef personById(String id) {
        List<PersonRef> matches = people.get("id:" + canonical(id));
        return matches == null ? null : matches.getFirst();
    }

    /** The person with this e-mail address (any case), or null. */
    PersonRef byEmail(String email) {
        List<PersonRef> matches = people.get("email:" + email.toLowerCase(java.util.Locale.ROOT));
        return matches == null ? null : matches.getFirst();
    }

    /** A text value within {@code max} characters, else null after recording the error. */
    String text(ImportRow row, String field, int max) {
        String value = row.get(field);
        if (value != null && value.length() > max) {
            error(row, field, "is longer than " + max + " characters");
            return null;
        }
        return value;
    }

    /**
     * The date in {@code field}, in one of {@link Values#DATE_FORMATS} (a slash date read as the file writes
     * them, {@link SlashDates}); null for a blank cell, and after recording the error for one that is no
     * date or a slash date that could be read either way.
     */
    java.time.LocalDate date(ImportRow row, String field) {
        String value = row.get(field);
        if (value == null || ambiguous(row, field, value)) {
            return null;
        }
        java.time.LocalDate date = Values.date(value, slashDates.dayFirst(value));
        if (date == null) {
            error(row, field, "is not a date: write it as " + Values.DATE_FORMATS);
        }
        return date;
    }

    /**
     * The point in time in {@code field}, as {@link #date} reads its date ({@link Values#instant}), a time
     * without a zone (and a date alone, from its start) read in the company's zone, as the company's CRM
     * exports it; null for a blank cell, and after recording the error for one that is unreadable or could
     * be read either way.
     *
     * @param withTime whether the column is for a date and time, which the error then says how to write
     */
    java.time.Instant instant(ImportRow row, String field, boolean withTime) {
        String value = row.get(field);
        if (value == null || ambiguous(row, field, value)) {
            return null;
        }
        java.time.Instant at = Values.instant(value, slashDates.dayFirst(value), zone);
        if (at == null) {
            error(
                    row,
                    field,
                    withTime
                            ? "is not a date and time: write it as 2025-12-31T14:30:00Z or " + Values.DATE_FORMATS
                            : "is not a date: write it as " + Values.DATE_FORMATS);
        }
        return at;
    }

    /** Whether {@code value} is a slash date the file does not say how to read, after recording the error. */
    private boolean ambiguous(ImportRow row, String field, String value) {
        String problem = slashDates.ambiguity(value);
        if (problem != null) {
            error(row, field, problem);
        }
        return problem != null;
    }

    /**
     * A yes or no in one of {@link Values#BOOLEANS}, or null for a blank cell (and, after recording the
     * error, for any other value: "maybe" is not read as yes).
     */
    Boolean bool(ImportRow row, String field) {
        String value = row.get(field);
        Boolean bool = value == null ? null : Values.bool(value);
        if (value != null && bool == null) {
            error(row, field, "is not a yes or no: write " + Values.BOOLEANS);
        }
        return bool;
    }

    /**
     * Counts a written row in {@code told} (account id to {@code [created, updated]}) for its account's
     * timeline ({@link AccountImports#tallyRecordsImported}).
     */
    static void tally(Map<Long, int[]> told, long accountId, boolean created) {
        told.computeIfAbsent(accountId, id -> new int[2])[created ? 0 : 1]++;
    }

    /** {@link #matched(ImportRow, String, String)} for an account, contact or interaction found, or null. */
    void matched(ImportRow row, Found found) {
        matched(row, found, true);
    }

    /**
     * {@link #matched(ImportRow, Found)} for a kind that can tell whether the row changes the record it met:
     * {@code changes} false counts it {@link #unchanged}, with the notice "already imported, nothing changed"
     * (session 44's probe: a file imported twice said every row "updates" its record).
     */
    void matched(ImportRow row, Found found, boolean changes) {
        matched(row, "external_id", found == null ? null : found.named(), found == null ? null : found.page(), changes);
    }

    /**
     * {@link #matched} for a record the report names in words and links to: {@code named} as a sentence
     * reads it ("the lead Pat Lead at Acme"), {@code link} its page; both null for a new record.
     */
    void matched(ImportRow row, String named, String link) {
        matched(row, "external_id", named, link);
    }

    /**
     * {@link #matched(ImportRow, String, String)} for a kind that can tell whether the row changes the record it
     * met: {@code changes} false counts it {@link #unchanged} ({@link #matched(ImportRow, Found, boolean)}).
     */
    void matched(ImportRow row, String named, String link, boolean changes) {
        matched(row, "external_id", named, link, changes);
    }

    /**
     * {@link #matched(ImportRow, String, String)} for a kind whose own id is in {@code field} (a team's
     * {@code key}): the notice stands at the column the file has (session 35's probe: a teams file's was at
     * {@code external_id}, a column no teams file has).
     */
    void matched(ImportRow row, String field, String named, String link) {
        matched(row, field, named, link, true);
    }

    /**
     * Counts a row as new ({@code named} null), as changing the record it met, or as changing none of its values
     * ({@code changes} false: "nothing changed", counted {@link #unchanged}; the caller does not write it, so none
     * of the write's side effects happen either). The one place every kind counts what its rows met.
     */
    void matched(ImportRow row, String field, String named, String link, boolean changes) {
        if (named == null) {
            created++;
        } else if (!changes) {
            unchanged++;
            notice(row, field, "already imported, nothing changed: " + named, link);
        } else {
            updated++;
            notice(row, field, "already imported: updates " + named, link);
        }
    }

    /**
     * Whether {@code row}, whose id names a record Baton has ({@code named} as a report names it, at the account
     * {@code recordAccountId}), names another account than that record's: then it is an error at {@code account}
     * naming both ("names the account Beta GmbH, but the contact Ana Silva at Acme GmbH has this row's id: an import
     * does not move a contact to another account (give the row that contact's account, or another id for a new
     * contact)"), and the caller neither counts nor writes the row. No kind's upsert writes a record's account, so
     * until session 45 such a row counted as updating the record (or changing nothing) while it stayed where it
     * was, and nobody was told; an interaction or commitment even took the row's contact, one of the other account.
     *
     * @param accountIds the accounts of the chunk's {@code account} cells, by {@link #reference}; the row's is among
     *     them (an accepted row names an account Baton has)
     * @param noun what the record is, "contact", "interaction" or "commitment", as the error names it
     */
    boolean movesToAnotherAccount(
            ImportRow row, Map<String, Found> accountIds, long recordAccountId, String named, String noun) {
        Found account = accountIds.get(reference(row.get("account")));
        if (account == null || account.id() == recordAccountId) {
            return false;
        }
        String a = "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ";
        error(
                row,
                "account",
                "names " + account.named() + ", but " + named + " has this row's id: an import does not move " + a
                        + noun + " to another account (give the row that " + noun + "'s account, or another id for a"
                        + " new " + noun + ")");
        return true;
    }

    /**
     * Counts a row as an update of a record Baton made itself (not imported), which the row's {@code field}
     * names by the key Baton knows it by (a team's {@code key}): the notice says "already in Baton", not
     * "already imported", naming the record as a sentence reads it ({@code named}) and how it was matched; or,
     * {@code changes} false, as changing none of its values ("already in Baton, nothing changed").
     */
    void matchedInBaton(ImportRow row, String field, String named, String matchedBy, boolean changes) {
        if (changes) {
            updated++;
            notice(row, field, "already in Baton: updates " + named + ", matched by " + matchedBy);
        } else {
            unchanged++;
            notice(row, field, "already in Baton, nothing changed: " + named + ", matched by " + matchedBy);
        }
    }

    /**
     * Counts a people row as an update of the person who has its e-mail address (people are matched by
     * e-mail, not by an external id, so the notice says who, by name and username), or as someone new;
     * {@code changes} as for {@link #matchedInBaton}.
     */
    void matchedByEmail(ImportRow row, PersonRef person, boolean changes) {
        if (person == null) {
            created++;
            return;
        }
        matchedInBaton(row, "email", person.fullName() + " (" + person.username() + ")", "e-mail", changes);
    }

    /** The person with this username, or null. */
    PersonRef byUsername(String username) {
        List<PersonRef> matches = people.get("username:" + username);
        return matches == null ? null : matches.getFirst();
    }

    /** A value as errors quote it: at most 100 characters. */
    static String cut(String value) {
        return value == null || value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }
}
