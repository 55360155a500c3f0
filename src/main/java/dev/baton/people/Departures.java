package dev.baton.people;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a person's book is being handed over (they are leaving, or changing role), or has been
 * because they leave the company. The handover module implements it; people asks it without
 * depending on handover (which depends on people). {@link Leavers} puts both in words.
 */
public interface Departures {

    /** True while a handover of {@code person} runs (launched and not completed). */
    boolean isBeingHandedOver(Person person);

    /**
     * The day {@code person} leaves the company, when a completed handover for leaving says so and that
     * day is today or later where they are; empty otherwise (no such handover, or the day has passed).
     */
    Optional<LocalDate> leavingOn(Person person);

    /**
     * The ids of those among {@code people} for whom {@link #isBeingHandedOver} or {@link #leavingOn}
     * holds, in a few queries however many they are (a team's offer of a step).
     */
    Set<Long> departingAmong(Collection<Person> people);
}
