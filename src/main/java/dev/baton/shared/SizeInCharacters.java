package dev.baton.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * {@code @Size} on a text counts characters (code points), as people, PostgreSQL's {@code varchar(n)}
 * and JSON Schema's {@code maxLength} (the OpenAPI description) count them: Hibernate Validator's own
 * check counts UTF-16 units, so a note of 200 emoji was "over 300". Registered for {@code @Size}
 * beside Hibernate Validator's own validators in {@code META-INF/validation-constraints.xml}; being
 * for {@code String}, it is preferred to theirs for {@code CharSequence} wherever the value is a
 * String. Null is valid, as with {@code @Size}. A refused text is told its limit in Baton's words
 * ({@link #atMost}), not Hibernate Validator's "size must be between 0 and 2000", unless the
 * annotation names a message of its own.
 */
public class SizeInCharacters implements ConstraintValidator<Size, String> {

    private static final String DEFAULT_MESSAGE = "{jakarta.validation.constraints.Size.message}";

    private int min;
    private int max;
    private boolean ownWords;

    @Override
    public void initialize(Size size) {
        min = size.min();
        max = size.max();
        ownWords = DEFAULT_MESSAGE.equals(size.message());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int characters = characters(value);
        if (characters >= min && characters <= max) {
            return true;
        }
        // report() answers false: invalid either way, in Baton's words or the annotation's own
        return ownWords && TextConstraint.report(characters > max ? atMost(max) : atLeast(min), context);
    }

    /** The characters of {@code text} as people and PostgreSQL count them (code points: an emoji is one). */
    public static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Baton's words for a text over its limit: "must be at most 2,000 characters". */
    public static String atMost(int max) {
        return String.format(Locale.ENGLISH, "must be at most %,d characters", max);
    }

    /** Baton's words for a text under its minimum: "must be at least 1,000 characters". */
    public static String atLeast(int min) {
        return String.format(Locale.ENGLISH, "must be at least %,d characters", min);
    }
}
