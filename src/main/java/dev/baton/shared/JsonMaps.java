package dev.baton.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of the JSON columns that map to a {@code Map} (a task's outcome, a handover note, an
 * audit record's states). Those attributes are marked {@code @Mutability(Immutability.class)}:
 * Hibernate then keeps the loaded map itself as its snapshot instead of a deep copy, which for a JSON
 * value means writing it to text and reading it back on every load, persist and update (about 3 % of
 * the handover's CPU, JFR, session 13). That is only right if a stored map is never changed in place:
 * an entity replaces it with {@link #copyOf} and hands it out through {@link #view}, so a change is a
 * new reference that dirty checking compares by value.
 */
public final class JsonMaps {

    private JsonMaps() {}

    /**
     * An unmodifiable copy that keeps the given order and null values (a form's empty field), or null
     * for null.
     */
    public static Map<String, Object> copyOf(Map<String, ?> values) {
        return values == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A read-only view of a stored map (as loaded, Jackson's map is modifiable), or null for null. */
    public static <V> Map<String, V> view(Map<String, V> stored) {
        return stored == null ? null : Collections.unmodifiableMap(stored);
    }
}
