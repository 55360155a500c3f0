package dev.baton.handover;

/** Events the handover feature publishes inside its transactions (stored by the event publication registry). */
public final class HandoverEvents {

    private HandoverEvents() {}

    /**
     * A handover and its items are saved (STARTING): its process is to be started. Delivered after
     * commit; when that delivery fails (the app stopped, the engine was down) the registry keeps it
     * and it is delivered again, and the engine's one-instance-per-handover start keeps that harmless.
     */
    public record Launched(long handoverId) {}
}
