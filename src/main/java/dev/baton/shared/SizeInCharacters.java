package dev.baton.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@code @Size} on a text counts characters (code points), as people, PostgreSQL's {@code varchar(n)}
 * and JSON Schema's {@code maxLength} (the OpenAPI description) count them: Hibernate Validator's own
 * check counts UTF-16 units, so a note of 200 emoji was "over 300". Registered for {@code @Size}
 * beside Hibernate Validator's own validators in {@code META-INF/validation-constraints.xml}; being
 * for {@code String}, it is preferred to theirs for {@code CharSequence} wherever the value is a
 * String. Null is valid, as with {@code @Size}.
 */
public class SizeInCharacters implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        min = size.min();
        max = size.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int characters = value.codePointCount(0, value.length());
        return characters >= min && characters <= max;
    }
}
