package dev.baton.shared;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The request is well-formed but conflicts with the current state: answered with 409. When one field
 * of the request is what conflicts (a taken username, roles a person may not lose yet), the problem
 * detail names it in {@code errors}, as a 400 names its fields ({@link BadRequestException}).
 */
@ResponseStatus(HttpStatus.CONFLICT) // the pages too: a 4xx page with the message, not a 500
public class ConflictException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public ConflictException(String message) {
        super(message);
        this.fieldErrors = Map.of();
    }

    /**
     * A conflict in one field of the request.
     *
     * @param field the request's field, e.g. {@code roles}
     * @param message what conflicts and what to do, without the field's name (the detail is
     *     "field: message", the problem's {@code errors} has the message under the field)
     */
    public ConflictException(String field, String message) {
        super(field + ": " + message);
        this.fieldErrors = Map.of(field, message);
    }

    /** The field that conflicts with its message, or none. */
    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
