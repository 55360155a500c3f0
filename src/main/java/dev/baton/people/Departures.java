package dev.baton.people;

/**
 * Whether a person's book is being handed over (they are leaving, or changing role). The handover
 * module implements it; people asks it without depending on handover (which depends on people).
 */
public interface Departures {

    /** True while a handover of {@code person} runs (launched and not completed). */
    boolean isBeingHandedOver(Person person);
}
