package dev.baton.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a page's handler: a query parameter it does not take is a 400 naming it, as on every {@code
 * /api/} address ({@link UnknownParameters}). For a page whose filters are typed in by hand and where
 * a misspelt one would quietly show everything (the audit trail); other pages ignore what they do not
 * take.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownParametersOnly {}
