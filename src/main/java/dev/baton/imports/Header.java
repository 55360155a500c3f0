package dev.baton.imports;

import dev.baton.shared.BadRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's header row mapped onto Baton's columns for one kind and source; the first of two
 * same-meaning columns wins ("Account Owner" beside "Owner ID"), unless a later one is the primary association
 * ({@link ImportSource#primary}), but a column Baton reads named twice
 * is refused: which of the two holds the value is anybody's guess.
 */
record Header(List<String> names, Map<String, Integer> index, List<String> ignored) {

    static Header of(List<String> names, ImportKind kind, ImportSource source) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String field = source.field(kind, names.get(i));
            if (field == null) {
                ignored.add(names.get(i));
                continue;
            }
            Integer twice = seen.putIfAbsent(ImportSource.normalise(names.get(i)), i);
            if (twice != null) {
                throw new BadRequestException(
                        "file",
                        "the header names the column '" + names.get(i) + "' twice (columns " + (twice + 1) + " and "
                                + (i + 1) + "): keep one of them");
            }
            if (ImportSource.primary(names.get(i))) {
                index.put(field, i);
            } else {
                index.putIfAbsent(field, i);
            }
        }
        List<String> missing = kind.required().stream()
                .filter(f -> !index.containsKey(f))
                .filter(f ->
                        !f.equals("full_name") || !(index.containsKey("first_name") || index.containsKey("last_name")))
                .toList();
        if (!missing.isEmpty()) {
            String hint = names.size() == 1
                    ? " (the header has one column only: are the columns separated by ',' or ';'?)"
                    : "";
            throw new BadRequestException(
                    "file",
                    "missing required column" + (missing.size() > 1 ? "s " : " ")
                            + String.join(", ", missing) + " for " + kind + " from " + source + hint
                            + "; the header has: "
                            + String.join(", ", names));
        }
        return new Header(names, index, ignored);
    }

    ImportRow row(long number, List<String> values) {
        return new ImportRow(number, index, names, values);
    }
}
