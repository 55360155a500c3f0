package dev.baton.imports;

import java.util.List;

/** Reads one kind of row: checks each, resolves references for a chunk at once, and writes when the run writes. */
interface RowHandler {

    void handle(List<ImportRow> chunk, ImportRun run);

    /**
     * Sees every row of the file, in order, before the first chunk is handled, when {@link #looksAhead}:
     * for rules about what the whole file does (a people file's rows are judged by the people as all its
     * rows leave them). Checks nothing: {@link #handle} does.
     */
    default void lookAhead(ImportRow row, ImportRun run) {}

    /** Whether {@link #lookAhead} wants the rows, which costs one more read of the file. */
    default boolean looksAhead() {
        return false;
    }
}
