package dev.baton.shared;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Input that is wrong in a way bean validation cannot see; answered with 400, naming the fields. */
@ResponseStatus(HttpStatus.BAD_REQUEST) // the pages too: a 4xx page with the message, not a 500
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
