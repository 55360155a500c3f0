package dev.baton.people;

import java.util.List;
import java.util.Optional;

/**
 * Who takes an absent person's work today ({@link AbsenceService#coverToday}, {@link AbsenceService#coverOf}):
 * their cover, or, when the cover is away, leaving or inactive on their own today, the cover's own cover, and so
 * on down a short chain.
 *
 * @param away whether the person is away today, where they are (false: the work is theirs, nobody covers)
 * @param cover the user name of the first person in the chain who can take work today; null when nobody can
 *     (or the person is not away)
 * @param coverName that person's full name, or null
 * @param passedOver why each cover before them (or, with no cover, each one asked) cannot, in chain order, as
 *     sentences about them ("Marcus Brown is away from Sat 5 Dec 2026 to Sat 5 Dec 2026")
 */
public record CoverToday(boolean away, String cover, String coverName, List<PassedOver> passedOver) {

    /**
     * A cover passed over: their full name, why in a word for a list ("away", "leaving", "inactive"), and as a
     * sentence.
     */
    public record PassedOver(String fullName, String mark, String sentence) {}

    static final CoverToday NOT_AWAY = new CoverToday(false, null, null, List.of());

    public CoverToday {
        passedOver = List.copyOf(passedOver);
    }

    /** Who holds the person's new work today instead of them; empty when they hold it themselves. */
    public Optional<String> holder() {
        return Optional.ofNullable(cover);
    }

    /** Away today, and nobody in the chain can take their work: it stays with them. */
    public boolean uncovered() {
        return away && cover == null;
    }

    /** The reasons the covers passed over cannot take work today, joined ("…; …"); empty when none. */
    public String why() {
        return String.join("; ", passedOver.stream().map(PassedOver::sentence).toList());
    }
}
