package dev.baton.people;

import java.util.Map;

/**
 * The full names of a page's people by user name, read together in one query ({@link
 * PeopleLookup#fullNames}), so that a list names each row's people without a query per row. Pages
 * write {@code ${names.of(run.startedBy)}}.
 */
public record FullNames(Map<String, String> byUsername) {

    public FullNames {
        byUsername = Map.copyOf(byUsername);
    }

    /**
     * The full name of the person with this user name; the user name itself when it was not read or
     * nobody has it (e.g. {@code system}), as {@link PeopleLookup#fullName} answers; null for null.
     */
    public String of(String username) {
        return username == null ? null : byUsername.getOrDefault(username, username);
    }
}
