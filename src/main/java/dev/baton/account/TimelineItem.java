package dev.baton.account;

import java.time.Instant;

/**
 * One entry of an account's story, in words for people: a logged interaction, a promise's step, a
 * handover's step or another change.
 *
 * @param who the full name of who did it ("Baton" for automated steps)
 * @param summary one sentence ("Rob Miller handed the account over to Rita Okafor")
 * @param link where to read more (a path in this app), or null
 */
public record TimelineItem(String type, Instant when, String who, String summary, String link) {

    public static final String INTERACTION = "INTERACTION";
    public static final String COMMITMENT = "COMMITMENT";
    public static final String HANDOVER = "HANDOVER";
    public static final String CHANGE = "CHANGE";

    static TimelineItem of(Interaction i) {
        String kind = i.getKind().label();
        String with = i.getContact() == null ? "" : " with " + i.getContact().getFullName();
        return new TimelineItem(
                INTERACTION, i.getOccurredAt(), i.authorName(), kind + with + ": " + i.getSummary(), null);
    }
}
