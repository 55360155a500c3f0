package dev.baton.renewal;

/** Events the renewal feature publishes inside its transactions (stored by the event publication registry). */
public final class RenewalEvents {

    private RenewalEvents() {}

    /**
     * A renewal was opened: its process is to be started, after commit. A lost delivery is delivered
     * again by {@code EventResubmission}; the start message's correlation key (the renewal id) keeps a
     * second delivery from starting a second process while the first runs.
     */
    public record Opened(long renewalId) {}
}
