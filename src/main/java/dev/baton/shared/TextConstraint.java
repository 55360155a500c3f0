package dev.baton.shared;

import jakarta.validation.ConstraintValidatorContext;

/** Puts the precise reason of a text constraint in the violation instead of the generic message. */
final class TextConstraint {

    private TextConstraint() {}

    static boolean report(String problem, ConstraintValidatorContext context) {
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }
}
