package dev.baton.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a block reads its inputs: variables before headers, choices, account ids and dates, and the refusals. */
class BlockInputsTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void anInputMappingWinsOverATaskHeaderOfTheSameName() {
        BlockInputs in = new BlockInputs(Map.of("to", "team"), Map.of("to", "account-owner", "team", " sales-emea "));

        assertThat(in.required("to")).isEqualTo("team");
        assertThat(in.required("team")).isEqualTo("sales-emea");
    }

    @Test
    void aBlankOrMissingRequiredInputIsRefusedNamingIt() {
        BlockInputs in = new BlockInputs(Map.of("summary", "  "), Map.of());

        assertThatThrownBy(() -> in.required("summary"))
                .isInstanceOf(BlockInputError.class)
                .hasMessageContaining("input 'summary': is blank");
        assertThatThrownBy(() -> in.required("kind"))
                .isInstanceOf(BlockInputError.class)
                .hasMessageContaining("input 'kind': is missing");
        assertThatThrownBy(() -> new BlockInputs(Map.of("summary", List.of("a")), Map.of()).text("summary"))
                .hasMessageContaining("single value");
    }

    @Test
    void aChoiceIsMatchedIgnoringCaseAndReturnedAsDocumented() {
        BlockInputs in = new BlockInputs(Map.of("kind", "note", "to", "boss"), Map.of());

        assertThat(in.choice("kind", List.of("CALL", "NOTE"))).isEqualTo("NOTE");
        assertThatThrownBy(() -> in.choice("to", Blocks.RECIPIENT_ROLES))
                .hasMessageContaining("input 'to'")
                .hasMessageContaining("'boss' is none of account-owner, owner-manager, primary-contact, team");
    }

    @Test
    void theAccountIdIsAWholePositiveNumberOrItsDigits() {
        assertThat(new BlockInputs(Map.of("accountId", 42), Map.of()).accountId())
                .isEqualTo(42L);
        assertThat(new BlockInputs(Map.of("accountId", 42.0), Map.of()).accountId())
                .isEqualTo(42L);
        assertThat(new BlockInputs(Map.of("accountId", " 42 "), Map.of()).accountId())
                .isEqualTo(42L);
        for (Object bad : List.of("001Ax00000AbcDEF", 4.5, -3, "")) {
            Map<String, Object> vars = new HashMap<>(Map.of("accountId", bad));
            assertThatThrownBy(() -> new BlockInputs(vars, Map.of()).accountId())
                    .as("accountId %s", bad)
                    .hasMessageContaining("input 'accountId'")
                    .hasMessageContaining("not a Baton account id");
        }
        assertThatThrownBy(() -> new BlockInputs(Map.of(), Map.of("accountId", "42")).accountId())
                .as("only the process variable names the account")
                .hasMessageContaining("missing");
    }

    @Test
    void aDateIsIsoOrAPeriodFromToday() {
        BlockInputs in = new BlockInputs(
                Map.of("a", "2027-03-31", "b", "P14D", "c", "2027-03-31T09:00:00+02:00", "d", "p1m", "e", "31.03.2027"),
                Map.of());

        assertThat(in.date("a", TODAY)).contains(LocalDate.of(2027, 3, 31));
        assertThat(in.date("b", TODAY)).contains(LocalDate.of(2026, 12, 14));
        assertThat(in.date("c", TODAY)).contains(LocalDate.of(2027, 3, 31));
        assertThat(in.date("d", TODAY)).contains(LocalDate.of(2026, 12, 30));
        assertThat(in.date("missing", TODAY)).isEmpty();
        assertThatThrownBy(() -> in.date("e", TODAY))
                .hasMessageContaining("input 'e'")
                .hasMessageContaining("'31.03.2027' is not a date");
    }

    @Test
    void anInputGivenButEmptyIsRefusedWhereALeftOutOneIsNot() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("message", null);
        vars.put("by", "\u200b ");
        vars.put("segment", false);
        BlockInputs in = new BlockInputs(vars, Map.of("team", " "));

        assertThat(in.text("owner")).isEmpty();
        assertThatThrownBy(() -> in.text("message")).hasMessageContaining("input 'message': gave nothing (null)");
        assertThatThrownBy(() -> in.text("by")).hasMessageContaining("input 'by': is blank");
        assertThatThrownBy(() -> in.text("team")).hasMessageContaining("input 'team': is blank");
        assertThatThrownBy(() -> in.text("segment")).hasMessageContaining("input 'segment': is false, a yes/no value");
        assertThat(in.date("renewalDate", TODAY)).isEmpty();
        assertThat(new BlockInputs(Map.of("message", 42), Map.of()).text("message"))
                .contains("42");
    }
}
