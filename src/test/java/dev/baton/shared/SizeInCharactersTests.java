package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeInCharactersTests {

    private static final String EMOJI = "\uD83D\uDE00";

    record Note(@Size(max = 300) String note, @Size(max = 2) List<String> tags) {}

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aTextsSizeIsCountedInCharactersNotUtf16Units() {
        assertThat(validator.validate(new Note(EMOJI.repeat(300), List.of())))
                .as("300 emoji are 300 characters (600 UTF-16 units)")
                .isEmpty();
        assertThat(validator.validate(new Note(EMOJI.repeat(301), List.of())))
                .singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath()).hasToString("note"));
        assertThat(validator.validate(new Note("x".repeat(301), List.of()))).hasSize(1);
    }

    @Test
    void aCollectionsSizeIsStillCheckedByHibernateValidator() {
        assertThat(validator.validate(new Note(null, List.of("a", "b", "c"))))
                .singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath()).hasToString("tags"));
    }
}
