package dev.baton.shared;

/** The request is well-formed but conflicts with the current state: answered with 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
