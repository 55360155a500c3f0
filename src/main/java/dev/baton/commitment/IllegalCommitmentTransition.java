package dev.baton.commitment;

import dev.baton.shared.ConflictException;

/** A commitment was asked to change in a way its current status does not allow. */
public class IllegalCommitmentTransition extends ConflictException {

    IllegalCommitmentTransition(Commitment commitment, String change) {
        super("commitment " + commitment.getId() + " is " + commitment.getStatus() + " and cannot " + change);
    }
}
