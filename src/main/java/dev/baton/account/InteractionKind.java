package dev.baton.account;

import dev.baton.shared.Labelled;

/** What kind of contact with the customer an interaction records; the pages name each by its label. */
public enum InteractionKind implements Labelled {
    CALL("Call"),
    MEETING("Meeting"),
    EMAIL("Email"),
    NOTE("Note");

    private final String label;

    InteractionKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
