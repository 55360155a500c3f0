package dev.baton.audit;

import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers every feature uses when it changes something: the audit's field maps and the stale-version check. */
public final class Changes {

    private Changes() {}

    /** Field name/value pairs as an ordered map; unlike {@link Map#of} it keeps null values (a cleared field). */
    public static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /**
     * A client that sends the version it read gets a 409 when someone changed the record since; the
     * entity's own {@code @Version} only catches changes that race within the same moment. A negative
     * version was never read (versions start at 0): a 400 at {@code version}, not a conflict the client
     * would try to resolve by reloading (found by a probe).
     *
     * @param expected the version the client sent (null: it sent none, no check)
     * @param actual the record's version now
     * @param what the record, for the message ("person 7")
     * @throws BadRequestException naming {@code version} when {@code expected} is negative
     * @throws ConflictException when {@code expected} is another version
     */
    public static void requireVersion(Long expected, long actual, String what) {
        if (expected != null && expected < 0) {
            throw new BadRequestException("version", "must be 0 or more: send the version you read");
        }
        if (expected != null && expected != actual) {
            throw new ConflictException(what + " was changed by someone else (now version " + actual + ", you sent "
                    + expected + "): reload it and try again");
        }
    }
}
