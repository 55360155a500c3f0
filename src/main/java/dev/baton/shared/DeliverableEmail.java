package dev.baton.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An e-mail address Baton can deliver to: plain ASCII (an internationalised domain in its xn--
 * form). The one definition for people, contacts and leads, whether typed, sent to the API or
 * imported. Null is valid; combine with {@code @Email}, {@code @Size(max = 254)} and
 * {@link SingleLine} (each reports its own problem).
 */
@Target({
    ElementType.FIELD,
    ElementType.RECORD_COMPONENT,
    ElementType.PARAMETER,
    ElementType.TYPE_USE,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@Pattern(
        regexp = "\\p{ASCII}*",
        message = "must be plain ASCII: Baton cannot yet deliver to an address with"
                + " accents or other non-ASCII letters (write the domain in its xn-- form)")
public @interface DeliverableEmail {

    String message() default "must be plain ASCII";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
