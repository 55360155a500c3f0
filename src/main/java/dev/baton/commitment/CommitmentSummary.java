package dev.baton.commitment;

/** The counts at the top of the register, within the register's scope (owner, team, account, due window). */
public record CommitmentSummary(long open, long overdue, long unowned, long rejected, long awaitingVerification) {}
