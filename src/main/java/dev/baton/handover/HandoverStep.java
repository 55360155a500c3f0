package dev.baton.handover;

/** Where one account's handover stands, in the order it passes them. */
public enum HandoverStep {
    CHOOSING_SUCCESSOR("Successor to be chosen"),
    WRITING_NOTE("Note being written"),
    /** The account's move failed for good: its manager chooses another successor or retries it. */
    TRANSFER_FAILED("Transfer failed"),
    ACKNOWLEDGING("Successor reviewing the account"),
    QUESTION_OPEN("Question waiting for an answer"),
    INTRODUCING("Customer being introduced"),
    INTRO_CALL("Introduction call to hold"),
    DONE("Handed over"),
    /**
     * Shown, never stored: an account of a canceled handover that had not reached DONE. Its step was
     * withdrawn with the handover, so nobody waits for it; the API's {@code stoppedAt} keeps the step it
     * had reached (found by a probe: the API showed a canceled handover's steps as still waiting).
     */
    CANCELLED("Canceled");

    /**
     * How an account's step is shown (the API, the handover's page, the account's review page): {@link
     * #CANCELLED} once its handover was canceled before the account was DONE, else the step stored.
     */
    public static HandoverStep shown(HandoverStep stored, boolean handoverCanceled) {
        return handoverCanceled && stored != DONE ? CANCELLED : stored;
    }

    private final String words;

    HandoverStep(String words) {
        this.words = words;
    }

    /** The step as the progress page says it ("Note being written"). */
    public String words() {
        return words;
    }
}
