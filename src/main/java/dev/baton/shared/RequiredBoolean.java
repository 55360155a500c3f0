package dev.baton.shared;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A true/false field of a request body that must be sent, and sent as {@code true} or {@code false}:
 * left out, the body is a 400 saying it "is required: true or false"; {@code null} (and, by {@link
 * StrictJson}, {@code ""} or {@code " "}) is a 400 saying it "must be true or false" ({@link
 * InputErrors}). Without it a primitive {@code boolean} took a missing or null value as {@code false}
 * silently: a client that sent none switched every mail off (found by a probe). Jackson's {@code
 * required} property and {@code nulls = FAIL} in one annotation, for a record component or a field.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonProperty(required = true)
@JsonSetter(nulls = Nulls.FAIL)
public @interface RequiredBoolean {}
