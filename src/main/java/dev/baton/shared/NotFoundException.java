package dev.baton.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Answered with 404 and the message. */
@ResponseStatus(HttpStatus.NOT_FOUND) // the pages too: a 4xx page with the message, not a 500
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        this(what + " " + id + " does not exist");
    }

    private NotFoundException(String message) {
        super(message);
    }

    /**
     * A part looked up within its whole by both ids, e.g. "account 9 is not part of handover 1": the
     * part may well exist elsewhere, so "does not exist" would be wrong.
     */
    public static NotFoundException notPartOf(String part, Object partId, String whole, Object wholeId) {
        return new NotFoundException(part + " " + partId + " is not part of " + whole + " " + wholeId);
    }
}
