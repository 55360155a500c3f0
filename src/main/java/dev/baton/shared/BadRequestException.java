package dev.baton.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Input that is wrong in a way bean validation cannot see; answered with 400, naming the fields. */
@ResponseStatus(HttpStatus.BAD_REQUEST) // the pages too: a 4xx page with the message, not a 500
public class BadRequestException extends RuntimeException {

    private final Map<String, String> fieldErrors;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public BadRequestException(String field, String message) {
        super(field + ": " + message);
        this.fieldErrors = Map.of(field, message);
    }

    public BadRequestException(String message) {
        super(message);
        this.fieldErrors = Map.of();
    }

    /**
     * Several fields wrong at once, each with its message, in the order given: the client fixes them
     * all in one go instead of learning of them one request at a time. The message describes at most
     * {@link InputErrors#listed}'s first errors and counts the rest (100,000 bad ids built a 5.7 MB
     * message that the answer then cut to 300 characters); {@link #getFieldErrors} keeps them all.
     */
    public BadRequestException(Map<String, String> fieldErrors) {
        super(InputErrors.describe(InputErrors.listed(fieldErrors), "the request is not valid"));
        if (fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("a bad request names at least one field");
        }
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /**
     * An id the request gives in {@code field} that names nothing: "no person 9" at that field, in
     * {@link NotFoundException#noSuch}'s wording, as a 404 says it for a path's id.
     */
    public static BadRequestException noSuch(String field, String what, Object id) {
        return new BadRequestException(field, NotFoundException.noSuch(what, id));
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }

    /**
     * What is wrong, in words for a page that shows it without the API's field names: the fields' messages
     * joined by "; " ("Ravi Shankar is not offered this step"), or the message when no field is named. The
     * API's problem detail keeps the fields ({@link #getMessage}, "to: ...").
     */
    public String reasons() {
        return fieldErrors.isEmpty() ? getMessage() : String.join("; ", fieldErrors.values());
    }

    /**
     * Adds a member to the API's problem body beside {@code errors}, for a client to act on (e.g. {@code
     * duplicateOf}, the record a duplicate e-mail names); pages ignore it.
     *
     * @return this exception
     */
    public BadRequestException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The members {@link #with} added, in the order added. */
    public Map<String, Object> getProperties() {
        return Collections.unmodifiableMap(properties);
    }
}
