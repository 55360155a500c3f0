package dev.baton.imports;

/**
 * What is wrong with one row: its number as a spreadsheet shows it (the header is row 1; 0 for the
 * file as a whole), the column as the file names it, the value found (cut to 100 characters) and
 * the problem.
 */
public record RowError(long row, String column, String value, String problem) {}
