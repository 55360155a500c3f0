package dev.baton.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Answered with 404 and the message. */
@ResponseStatus(HttpStatus.NOT_FOUND) // the pages too: a 4xx page with the message, not a 500
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
