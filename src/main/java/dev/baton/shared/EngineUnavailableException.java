package dev.baton.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The process engine could not be reached, or turned a command away under load (back-pressure), so
 * what the request asked for was not started: answered with 503 and a {@code Retry-After} in the API,
 * a 503 page in the UI. Not the person's mistake, so it names no field.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE) // the pages: "try again in a moment", not a 500
public class EngineUnavailableException extends RuntimeException {

    /** Seconds the API's {@code Retry-After} suggests waiting. */
    public static final int RETRY_AFTER_SECONDS = 10;

    /** @param what what did not happen, e.g. "starting the sales-to-CS handoff" */
    public EngineUnavailableException(String what, Throwable cause) {
        super("the process engine is not reachable, so " + what + " did not happen; try again in a moment", cause);
    }
}
