package dev.baton.account;

public enum InteractionKind {
    CALL,
    MEETING,
    EMAIL,
    NOTE
}
