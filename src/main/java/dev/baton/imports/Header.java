package dev.baton.imports;

import dev.baton.shared.BadRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's header row mapped onto Baton's columns for one kind and source; the first of two
 * same-meaning columns wins ("Account Owner" beside "Owner ID"), unless a later one is the primary association
 * ({@link ImportSource#primary}: only the association columns the source writes that way; a "Primary Phone" is
 * read as whatever the source means by it, or ignored), but a column Baton reads named twice is refused: which of
 * the two holds the value is anybody's guess. So are two primary columns of one meaning ("Associated Company IDs
 * (Primary)" and "Primary Associated Company ID"). A primary column wins only in a row where it has a value: in a
 * row where it is blank, the first other column of its meaning ({@code fallbacks}) is read, as in a file without
 * the primary one.
 */
record Header(List<String> names, Map<String, Integer> index, List<String> ignored, Map<String, Integer> fallbacks) {

    static Header of(List<String> names, ImportKind kind, ImportSource source) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> primaries = new HashMap<>();
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
            if (!source.primary(kind, names.get(i))) {
                index.putIfAbsent(field, i);
            } else if ((twice = primaries.putIfAbsent(field, i)) != null) {
                throw new BadRequestException(
                        "file",
                        "the header has two primary columns for " + field + ", '" + names.get(twice) + "' and '"
                                + names.get(i) + "' (columns " + (twice + 1) + " and " + (i + 1)
                                + "): keep one of them");
            }
        }
        Map<String, Integer> fallbacks = new HashMap<>();
        primaries.forEach((field, i) -> {
            Integer plain = index.put(field, i);
            if (plain != null) {
                fallbacks.put(field, plain);
            }
        });
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
        return new Header(names, index, ignored, fallbacks);
    }

    /**
     * A data row by Baton's columns: a primary column that is blank in this row gives way to the other column of
     * its meaning when that one has a value, so the row reads (and its errors name) the column its value is in.
     */
    ImportRow row(long number, List<String> values) {
        Map<String, Integer> rowIndex = index;
        for (Map.Entry<String, Integer> fallback : fallbacks.entrySet()) {
            if (blank(values, index.get(fallback.getKey())) && !blank(values, fallback.getValue())) {
                if (rowIndex == index) {
                    rowIndex = new HashMap<>(index);
                }
                rowIndex.put(fallback.getKey(), fallback.getValue());
            }
        }
        return new ImportRow(number, rowIndex, names, values);
    }

    private static boolean blank(List<String> values, int i) {
        return i >= values.size() || values.get(i).isBlank();
    }
}
