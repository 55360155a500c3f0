package dev.baton.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @RequestBody} that is not {@code @Valid} because its handler checks it whole itself (all its
 * problems in one 400, beyond what bean validation sees): {@link UnknownFields} then lets a body with
 * unknown fields reach the handler, and {@link TypeMismatches} one with values not of their field's type
 * (read as none). The handler must add {@link TypeMismatches#ofThisRequest} and {@link
 * UnknownFields#ofThisRequest} to its own problems (else such a value or field would pass unseen, a
 * mistyped value as none). Without it, a body that is not {@code @Valid} with unknown fields is a 400
 * naming those alone, and one with a value Jackson cannot read is a 400 naming that value alone.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CheckedByHandler {}
