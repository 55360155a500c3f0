package dev.baton.imports;

/**
 * What is wrong with one row: its number as a spreadsheet shows it (the header is row 1; 0 for the
 * file as a whole), the column as the file names it, the value found (cut to 100 characters) and
 * the problem. {@code link}: for a notice that names a record Baton has (the lead, account, contact,
 * interaction or commitment a row updates, duplicates or is merged into), the path of the page showing
 * it (the lead's, the commitment's, else the account's), which the import's page links; null otherwise.
 */
public record RowError(long row, String column, String value, String problem, String link) {

    /** An error or notice that names no record with a page of its own. */
    public RowError(long row, String column, String value, String problem) {
        this(row, column, value, problem, null);
    }
}
