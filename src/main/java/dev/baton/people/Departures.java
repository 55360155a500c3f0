package dev.baton.people;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * Whether a person's book is being handed over (they are leaving, or changing role), or has been
 * because they leave the company. The handover module implements it; people asks it without
 * depending on handover (which depends on people). {@link Leavers} puts both in words.
 */
public interface Departures {

    /**
     * Where {@code person} stands, in one query (a sign-in's inbox asks it on every page).
     *
     * @return whether a handover of theirs runs (launched and not completed), and the day they leave the
     *     company when a completed handover for leaving says so and that day is today or later where they
     *     are (null otherwise: no such handover, or the day has passed)
     */
    Standing standingOf(Person person);

    /** See {@link #standingOf}. */
    record Standing(boolean beingHandedOver, LocalDate leavingOn) {}

    /**
     * The ids of those among {@code people} who are being handed over or leaving ({@link #standingOf}), in a few queries however many they are (a team's offer of a step).
     */
    Set<Long> departingAmong(Collection<Person> people);

    /**
     * Whether a handover of {@code person}'s book (running, completed or cancelled after the move) has moved
     * account {@code accountId} away from them: they no longer speak for it, though they may still work here
     * (a change of role or territory). One query.
     */
    boolean movedAwayFrom(Person person, long accountId);
}
