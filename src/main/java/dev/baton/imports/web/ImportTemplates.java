package dev.baton.imports.web;

import dev.baton.imports.ImportKind;
import java.util.stream.Collectors;
import java.util.stream.Stream;

final class ImportTemplates {

    private ImportTemplates() {}

    /** The header row of Baton's own template for {@code kind}, required columns first, with a byte-order mark. */
    static String header(ImportKind kind) {
        return "\uFEFF"
                + Stream.concat(kind.required().stream(), kind.optional().stream())
                        .collect(Collectors.joining(",")) + "\r\n";
    }
}
