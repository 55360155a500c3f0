package dev.baton.shared;

import java.util.Collection;
import java.util.stream.Collectors;

/** Ids as one SQL parameter: bind the text to {@code ?::bigint[]} and test it with {@code = any(...)}. */
public final class SqlArrays {

    private SqlArrays() {}

    /** A PostgreSQL array literal such as {@code {1,2}} ({@code {}} when empty), or null for a null collection. */
    public static String ofIds(Collection<Long> ids) {
        return ids == null ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
