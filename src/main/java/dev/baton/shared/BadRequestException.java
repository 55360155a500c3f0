package dev.baton.shared;

import java.util.Map;

/** Input that is wrong in a way bean validation cannot see; answered with 400, naming the fields. */
public class BadRequestException extends RuntimeException {

  private final Map<String, String> fieldErrors;

  public BadRequestException(String field, String message) {
    super(field + ": " + message);
    this.fieldErrors = Map.of(field, message);
  }

  public BadRequestException(String message) {
    super(message);
    this.fieldErrors = Map.of();
  }

  public Map<String, String> getFieldErrors() {
    return fieldErrors;
  }
}
