package dev.baton.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name or other one-line field: no control characters (CR/LF and tabs included), no format
 * characters (bidi overrides, zero-width), no NUL or lone surrogates (see {@link Text#notSingleLine}).
 * Null is valid; combine with {@code @NotBlank} (JSON strings arrive normalised by {@link Text#normalise}).
 */
@Target({
    ElementType.FIELD,
    ElementType.RECORD_COMPONENT,
    ElementType.PARAMETER,
    ElementType.TYPE_USE,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SingleLine.Validator.class)
public @interface SingleLine {

    String message() default "must be one line without control or invisible formatting characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SingleLine, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || TextConstraint.report(Text.notSingleLine(value.toString()), context);
        }
    }
}
