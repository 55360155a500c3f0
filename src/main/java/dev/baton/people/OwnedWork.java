package dev.baton.people;

import java.util.Optional;

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

    /**
     * What to do about this work before the person may leave, when a handover of theirs does not move it
     * (accounts a running handover is still to move to them as successor: another successor there);
     * empty when it does (their accounts, commitments, tasks), and the refusal says "launch a handover".
     *
     * @param person who owns it
     * @param count how much of it they own ({@link #countOwnedBy}, more than 0)
     * @return a clause such as "choose another successor for it in Ravi Shankar's handover first"
     */
    default Optional<String> remedy(Person person, long count) {
        return Optional.empty();
    }
}
