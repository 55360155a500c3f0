package dev.baton.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A day not yet ended everywhere: today or later in the westernmost zone (UTC-12). A request's own check
 * of a due date, named with its other bad fields, before whoever knows where the date is judged (a
 * commitment's owner) applies the exact rule; {@code @FutureOrPresent} judged it in the server's zone,
 * refusing a day still open for an owner in Los Angeles. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EndedNowhere.Validator.class)
public @interface EndedNowhere {

    String message() default "must be today or later";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EndedNowhere, LocalDate> {

        private static final ZoneOffset WESTERNMOST = ZoneOffset.ofHours(-12);

        private Clock clock = Clock.systemUTC();

        /** The app's clock where Spring builds the validator (so tests can fix time), the system's elsewhere. */
        @Autowired(required = false)
        void setClock(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(LocalDate.now(clock.withZone(WESTERNMOST)));
        }
    }
}
