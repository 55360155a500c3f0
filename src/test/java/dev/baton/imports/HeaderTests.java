package dev.baton.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each source's header names, taken from {@link ImportSource}'s own table, read as the Baton columns the table
 * says: a pair written the wrong way round (Baton's column where the source's header belongs) fails here.
 */
class HeaderTests {

    @ParameterizedTest
    @EnumSource(ImportSource.class)
    void everyHeaderASourceNamesFillsItsColumnBesideTheOtherRequiredOnes(ImportSource source) {
        for (ImportKind kind : ImportKind.values()) {
            source.headers(kind).forEach((name, field) -> {
                if (field == null) {
                    assertThat(source.field(kind, name))
                            .as("%s %s from %s", name, kind, source)
                            .isNull();
                    return;
                }
                assertThat(Stream.concat(kind.required().stream(), kind.optional().stream()))
                        .as("the column %s of %s from %s", name, kind, source)
                        .contains(field);
                List<String> names = new ArrayList<>(List.of(name));
                kind.required().stream()
                        .filter(f -> !f.equals(field))
                        .forEach(f -> names.add(usualHeader(source, kind, f)));

                Header header = Header.of(names, kind, source);

                assertThat(header.index())
                        .as("%s %s from %s", name, kind, source)
                        .containsEntry(field, 0);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(ImportSource.class)
    void batonsOwnRequiredColumnsAreReadWhateverTheSource(ImportSource source) {
        for (ImportKind kind : ImportKind.values()) {
            Header header = Header.of(kind.required(), kind, source);

            assertThat(header.index()).as("%s from %s", kind, source).containsOnlyKeys(kind.required());
        }
    }

    /** The first header the source's table names for {@code field}, or Baton's own name when it names none. */
    private static String usualHeader(ImportSource source, ImportKind kind, String field) {
        return source.headers(kind).entrySet().stream()
                .filter(e -> e.getValue().equals(field))
                .map(e -> e.getKey())
                .findFirst()
                .orElse(field);
    }
}
