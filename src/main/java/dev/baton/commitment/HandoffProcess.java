package dev.baton.commitment;

/** What the sales-to-CS handoff needs from the process engine; {@code commitment.engine.HandoffLauncher} implements it. */
public interface HandoffProcess {

    /**
     * Starts {@code sales-to-cs-handoff} for the account.
     *
     * @param accountId the won deal's account (must exist and have an owner: checked by the caller)
     * @param repUsername the account's owner, who lists the sale's commitments
     * @param csTeam the candidate group (team key) of customer success, who hold the kickoff
     * @return the new process instance's key
     */
    long start(long accountId, String repUsername, String csTeam);
}
