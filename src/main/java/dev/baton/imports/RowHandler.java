package dev.baton.imports;

import java.util.List;

/** Reads one kind of row: checks each, resolves references for a chunk at once, and writes when the run writes. */
interface RowHandler {

    void handle(List<ImportRow> chunk, ImportRun run);
}
