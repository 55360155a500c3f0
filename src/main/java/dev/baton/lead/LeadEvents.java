package dev.baton.lead;

/** Events the lead feature publishes inside its transactions (stored by the event publication registry). */
public final class LeadEvents {

    private LeadEvents() {}

    /**
     * A lead was created (API, page or import): its follow-up playbook is to start. Delivered after
     * commit and again by the registry until the start went through; the engine keeps one instance
     * per lead, so a repeated start is harmless.
     */
    public record Created(long leadId) {}
}
