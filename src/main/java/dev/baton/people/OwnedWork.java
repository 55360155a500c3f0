package dev.baton.people;

/**
 * Something a person owns that must be handed over before they leave. Features that own work
 * (accounts, commitments) implement it, so the people feature depends on none of them.
 */
public interface OwnedWork {

    long countOwnedBy(Person person);

    /**
     * Plural noun for the message, e.g. {@code "open commitments"}: a regular plural, as the message
     * drops its last letter for one ({@code "1 open commitment"}).
     */
    String noun();
}
