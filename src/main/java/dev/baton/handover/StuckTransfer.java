package dev.baton.handover;

/**
 * Where the engine holds an account's transfer step that failed for good: the account-handover
 * instance and the step's element instance, which a restart ends and starts anew.
 */
public record StuckTransfer(long processInstanceKey, long elementInstanceKey) {}
