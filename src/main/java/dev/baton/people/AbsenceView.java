package dev.baton.people;

import java.time.LocalDate;

/**
 * An absence as the API and the pages show it.
 *
 * @param delegateMark why its cover cannot take work on the day (its person's today when the absence has begun, else
 *     any of its days), in a word: "away", "leaving" or "inactive"; null when they can
 * @param delegateUnavailable the same as a sentence ("Marcus Brown is away from … to …"), or null
 * @param cover the user name of who takes its person's work if it moves today: the cover, or down the cover chain
 *     ({@link AbsenceService#coverOf}); null when nobody in the chain can
 * @param coverName that person's full name, or null
 */
public record AbsenceView(
        long id,
        String username,
        String fullName,
        String delegate,
        String delegateName,
        LocalDate startsOn,
        LocalDate endsOn,
        String note,
        String delegateMark,
        String delegateUnavailable,
        String cover,
        String coverName) {

    static AbsenceView of(Absence a, AbsenceService.Unavailable delegateUnavailable, CoverToday cover) {
        return new AbsenceView(
                a.getId(),
                a.getPerson().getUsername(),
                a.getPerson().getFullName(),
                a.getDelegate().getUsername(),
                a.getDelegate().getFullName(),
                a.getStartsOn(),
                a.getEndsOn(),
                a.getNote(),
                delegateUnavailable == null ? null : delegateUnavailable.mark(),
                delegateUnavailable == null ? null : delegateUnavailable.sentence(),
                cover == null ? null : cover.cover(),
                cover == null ? null : cover.coverName());
    }
}
