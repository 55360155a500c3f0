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

    /**
     * Found by a probe: every header starting or ending with "Primary" counted as a primary association column;
     * only HubSpot's company association columns are, whatever else a header is called.
     */
    @ParameterizedTest
    @EnumSource(ImportSource.class)
    void onlyTheCompanyAssociationColumnsHubspotWritesThatWayArePrimary(ImportSource source) {
        for (ImportKind kind : ImportKind.values()) {
            for (String name : List.of(
                    "Primary Phone", "Primary Email", "Phone (Primary)", "Email (Primary)", "Primary", "primary_id")) {
                assertThat(source.primary(kind, name))
                        .as("%s %s from %s", name, kind, source)
                        .isFalse();
            }
            source.headers(kind)
                    .forEach((name, field) -> assertThat(source.primary(kind, name))
                            .as("%s %s from %s", name, kind, source)
                            .isEqualTo(source == ImportSource.HUBSPOT
                                    && kind == ImportKind.CONTACTS
                                    && name.contains("Primary")
                                    && field.equals("account")));
        }
        assertThat(ImportSource.HUBSPOT.primary(ImportKind.CONTACTS, "Associated Company IDs (Primary)"))
                .isTrue();
    }

    /**
     * A contacts file with "Primary Email" and "Primary Phone" beside its own e-mail and phone columns reads its own
     * ones and ignores the others (Baton does not know them), in any order and even twice: no second "primary"
     * e-mail, no column named twice.
     */
    @ParameterizedTest
    @EnumSource(ImportSource.class)
    void aPrimaryPhoneOrEmailOnAContactsFileIsIgnoredBesideTheFilesOwnColumns(ImportSource source) {
        ImportKind kind = ImportKind.CONTACTS;
        List<String> names = new ArrayList<>(List.of("Primary Email", "Primary Phone"));
        kind.required().forEach(f -> names.add(usualHeader(source, kind, f)));
        String email = usualHeader(source, kind, "email");
        String phone = usualHeader(source, kind, "phone");
        names.addAll(List.of(email, phone, "Primary Email", "Phone (Primary)"));

        Header header = Header.of(names, kind, source);

        assertThat(header.index())
                .as("from %s", source)
                .containsEntry("email", names.indexOf(email))
                .containsEntry("phone", names.indexOf(phone));
        assertThat(header.ignored())
                .as("from %s", source)
                .containsExactly("Primary Email", "Primary Phone", "Primary Email", "Phone (Primary)");
        assertThat(header.fallbacks()).as("from %s", source).isEmpty();
        ImportRow row = header.row(
                2,
                names.stream()
                        .map(n -> n.startsWith("Primary") || n.endsWith("(Primary)") ? "other" : n)
                        .toList());
        assertThat(row.get("email")).isEqualTo(email);
        assertThat(row.column("phone")).isEqualTo(phone);
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
