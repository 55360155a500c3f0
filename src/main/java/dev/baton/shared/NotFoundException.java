package dev.baton.shared;

/** Answered with 404 and the message. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, Object id) {
    super(what + " " + id + " does not exist");
  }
}
