package dev.baton.lead;

import dev.baton.shared.ConflictException;

/** A change a lead's state does not allow (a closed lead worked again): 409. */
public class IllegalLeadTransition extends ConflictException {

    public IllegalLeadTransition(String message) {
        super(message);
    }
}
