package dev.baton.imports;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One data row of a file: its number as a spreadsheet shows it (the header is row 1) and its values
 * by Baton's column names. Blank values read as null.
 */
record ImportRow(long number, Map<String, Integer> index, List<String> headers, List<String> values) {

    String get(String field) {
        Integer i = index.get(field);
        if (i == null || i >= values.size()) {
            return null;
        }
        String value = values.get(i).strip();
        return value.isEmpty() ? null : value;
    }

    /** "full_name", or "first_name" and "last_name" joined, as CRMs export them; blank when none is given. */
    String fullName() {
        String name = get("full_name");
        return name != null
                ? name
                : String.join(
                        " ",
                        Stream.of(get("first_name"), get("last_name"))
                                .filter(p -> p != null)
                                .toList());
    }

    /** Whether the file has a column for {@code field} at all (a blank cell in it is still "has"). */
    boolean has(String field) {
        return index.containsKey(field);
    }

    /**
     * Where a Baton column stands in the file, for listing a row's errors in the file's order: -1 for the
     * row as a whole ({@code ""}), a full name where its first or last name is, and after every column
     * for one the file does not have.
     */
    int position(String field) {
        if (field.isEmpty()) {
            return -1;
        }
        Integer i = index.get(field);
        if (i == null && field.equals("full_name")) {
            i = Stream.of(index.get("first_name"), index.get("last_name"))
                    .filter(p -> p != null)
                    .min(Integer::compare)
                    .orElse(null);
        }
        return i == null ? Integer.MAX_VALUE : i;
    }

    /** The Baton field the file's {@code column} (0 the first) is read as in this row, or null for none. */
    String field(int column) {
        return index.entrySet().stream()
                .filter(e -> e.getValue() == column)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /** The file's own name for a Baton column, so errors speak the file's language. */
    String column(String field) {
        Integer i = index.get(field);
        return i == null ? field : headers.get(i);
    }
}
