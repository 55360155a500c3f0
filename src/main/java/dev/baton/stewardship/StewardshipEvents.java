package dev.baton.stewardship;

/** Events the stewardship feature publishes inside its transactions (stored by the event publication registry). */
public final class StewardshipEvents {

    private StewardshipEvents() {}

    /** A review was opened: its process is to be started after commit (one per review: the id is the correlation key). */
    public record Opened(long reviewId) {}
}
