package dev.baton.commitment;

import dev.baton.shared.ConflictException;
import dev.baton.shared.StatusWords;

/**
 * A commitment was asked to change in a way its current status does not allow; the message says the
 * status in words ("commitment 5 is canceled and cannot be accepted"), as the pages do.
 */
public class IllegalCommitmentTransition extends ConflictException {

    IllegalCommitmentTransition(Commitment commitment, String change) {
        super("commitment " + commitment.getId() + " is " + StatusWords.phrase(commitment.getStatus()) + " and cannot "
                + change);
    }
}
