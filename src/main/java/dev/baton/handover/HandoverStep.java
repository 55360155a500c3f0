package dev.baton.handover;

/** Where one account's handover stands, in the order it passes them. */
public enum HandoverStep {
    CHOOSING_SUCCESSOR,
    WRITING_NOTE,
    ACKNOWLEDGING,
    QUESTION_OPEN,
    INTRODUCING,
    INTRO_CALL,
    DONE
}
