package dev.baton.account;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What became of the customer introduction mails a handover queued, for the account's timeline: its
 * entry said "queued for sending" long after the mail went out (found by the session 40 probe). Owned
 * here, implemented by the handover feature, which knows its mails in the outbox, so the account depends
 * on no handover or mail code.
 */
public interface IntroductionOutcomes {

    /** Where an introduction mail stands now. */
    enum Outcome {
        /** Queued, not yet taken by the mail server (it may be retrying). */
        WAITING,
        /** The mail server took it. */
        SENT,
        /** Given up for good: the customer was not introduced by mail (an admin may send it again). */
        FAILED,
        /** Withdrawn before it went out (its handover was canceled). */
        WITHDRAWN
    }

    /**
     * Where one introduction mail stands, and when it went out: the mail server took it ({@code sentAt}, also
     * after an admin sent it again); null unless {@link Outcome#SENT}. The timeline dates a sent mail's entry
     * by it, not by when it was queued (found by probe 47).
     */
    record Standing(Outcome outcome, Instant sentAt) {}

    /**
     * @param handoverItemIds the handover items (an account in one handover) whose introduction was queued
     *     (any number; none is no query)
     * @return where each stands by item id; items whose mail the outbox does not know are missing from it
     */
    Map<Long, Standing> of(Collection<Long> handoverItemIds);
}
