package dev.baton.imports;

import java.util.List;

/** Reads one kind of row: checks each, resolves references for a chunk at once, and writes when the run writes. */
interface RowHandler {

    void handle(List<ImportRow> chunk, ImportRun run);

    /**
     * Whether {@link #handle} is to see the whole file before it judges any row, for rules about what the
     * whole file does (a people file's rows are judged by the people as all its rows leave them): then
     * every chunk is handed to it twice, first with a run that is {@link ImportRun#lookingAhead} (which
     * writes nothing and whose errors are dropped: a row refused there is left out of what the file does),
     * then for real. It costs one more read of the file.
     */
    default boolean looksAhead() {
        return false;
    }
}
