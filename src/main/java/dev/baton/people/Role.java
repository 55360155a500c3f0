package dev.baton.people;

/** What a person may do in Baton. */
public enum Role {
    ADMIN,
    MANAGER,
    REP,
    CS
}
