package dev.baton.commitment;

import dev.baton.shared.ConflictException;
import dev.baton.shared.StatusWords;

/**
 * A commitment was asked to change in a way its current status does not allow; the message names the
 * commitment as its people know it, by its words and account ({@link Commitment#namedWithAccount()}),
 * and says the status in words, as the pages do ("the commitment \"Send the SOC 2 report\" to Acme GmbH
 * is canceled and cannot be accepted").
 */
public class IllegalCommitmentTransition extends ConflictException {

    IllegalCommitmentTransition(Commitment commitment, String change) {
        super("the " + commitment.namedWithAccount() + " is " + StatusWords.phrase(commitment.getStatus())
                + " and cannot " + change);
    }
}
