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

    /**
     * An untouched lead ({@code NEW}) was moved to a new owner outside its playbook (a handover):
     * its first-touch step is to go back to the assignment, which hands the process the new owner
     * and starts the reminder and escalation again for them. {@code round} is the lead's assignment number after the move; a repeated
     * delivery only recreates the same owner's step.
     */
    public record OwnerChanged(long leadId, int round) {}
}
