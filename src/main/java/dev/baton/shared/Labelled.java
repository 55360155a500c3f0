package dev.baton.shared;

/**
 * An enum whose constants the pages show by a label ("Call" for CALL). Where a value is refused, the
 * choices are named by these labels too ({@link InputErrors}): on a page the labels alone, as its form
 * offers them; in the API each label with the value a client sends ("Call (CALL)").
 */
public interface Labelled {

    /** The constant as a page shows it, capitalised ("Call"). */
    String label();
}
