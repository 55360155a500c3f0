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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A date (LocalDate) or instant a business process can work with: on or after {@link #notBefore}
 * (default 2000-01-01, before Baton's oldest data) and at most {@link #yearsAhead} years from today
 * (default 50: renewals, due dates and absences further out are typing mistakes, and the engine's
 * timers and due dates must fit its arithmetic). Instants are compared in UTC. Null is valid.
 */
@Target({
    ElementType.FIELD,
    ElementType.RECORD_COMPONENT,
    ElementType.PARAMETER,
    ElementType.TYPE_USE,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SaneDate.Validator.class)
public @interface SaneDate {

    String message() default "must be between {notBefore} and {yearsAhead} years from today";

    /** ISO date. */
    String notBefore() default "2000-01-01";

    int yearsAhead() default DateLimits.YEARS_AHEAD;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SaneDate, TemporalAccessor> {

        private Clock clock = Clock.systemUTC();
        private LocalDate notBefore;
        private int yearsAhead;

        /** The app's clock where Spring builds the validator (so tests can fix time), the system's elsewhere. */
        @Autowired(required = false)
        void setClock(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void initialize(SaneDate range) {
            notBefore = LocalDate.parse(range.notBefore());
            yearsAhead = range.yearsAhead();
        }

        @Override
        public boolean isValid(TemporalAccessor value, ConstraintValidatorContext context) {
            LocalDate date = switch (value) {
                case null -> null;
                case LocalDate d -> d;
                case Instant i -> within(i) ? LocalDate.ofInstant(i, ZoneOffset.UTC) : LocalDate.MAX;
                default -> LocalDate.from(value);
            };
            LocalDate latest = LocalDate.now(clock).plusYears(yearsAhead);
            return date == null
                    || (!date.isBefore(notBefore) && !date.isAfter(latest))
                    || TextConstraint.report("must be between " + notBefore + " and " + latest, context);
        }

        private static boolean within(Instant i) {
            return i.isAfter(Instant.parse("-9999-01-01T00:00:00Z"))
                    && i.isBefore(Instant.parse("9999-01-01T00:00:00Z"));
        }
    }
}
