package dev.baton.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Answered with 404 and the message, "no account 9" ({@link #noSuch}). */
@ResponseStatus(HttpStatus.NOT_FOUND) // the pages too: a 4xx page with the message, not a 500
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        this(noSuch(what, id));
    }

    /**
     * Baton's one wording for an id that names nothing, in a 404, a 400 at the field that names it and
     * a building block's incident alike: "no account 9", "no person 'bob'" (a name is quoted, so that
     * an empty or odd one shows).
     *
     * @param what the kind of record, as users call it ("account", "handover item")
     * @param id the id as given: a number, or a name
     */
    public static String noSuch(String what, Object id) {
        return "no " + what + " " + (id instanceof Number ? id : "'" + id + "'");
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
