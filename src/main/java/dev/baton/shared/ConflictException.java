package dev.baton.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The request is well-formed but conflicts with the current state: answered with 409. */
@ResponseStatus(HttpStatus.CONFLICT) // the pages too: a 4xx page with the message, not a 500
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
