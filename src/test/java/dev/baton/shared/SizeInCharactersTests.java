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

    record Reason(
            @Size(max = 2000) String reason,
            @Size(min = 10, max = 200) String password) {}

    record Named(
            @Size(max = 3, message = "is too long for a code")
            String code) {}

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

    @Test
    void aTooLongTextIsToldItsLimitInBatonsWordsNotHibernateValidators() {
        assertThat(validator.validate(new Reason("x".repeat(2001), null)))
                .singleElement()
                .satisfies(v -> assertThat(v.getMessage()).isEqualTo("must be at most 2,000 characters"));
        assertThat(validator.validate(new Reason(null, "short")))
                .singleElement()
                .satisfies(v -> assertThat(v.getMessage()).isEqualTo("must be at least 10 characters"));
        assertThat(validator.validate(new Named("abcd")))
                .as("a message of the annotation's own is kept")
                .singleElement()
                .satisfies(v -> assertThat(v.getMessage()).isEqualTo("is too long for a code"));
    }
}
