package dev.baton.handover;

import dev.baton.people.OwnedWork;
import dev.baton.people.Person;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts a running handover is still to move to a person, as work that keeps them from leaving:
 * deactivating the planned successor let the transfer fail on every try ("inactive and cannot own an
 * account") while the handover showed the account waiting for its note and no problem (found by a
 * probe). Choose another successor for those accounts first, or cancel the handover.
 */
@Component
class IncomingAccounts implements OwnedWork {

    private final HandoverItems items;

    IncomingAccounts(HandoverItems items) {
        this.items = items;
    }

    @Override
    @Transactional(readOnly = true)
    public long countOwnedBy(Person person) {
        return items.countIncomingTo(person);
    }

    @Override
    public String noun() {
        return "incoming handover accounts"; // "1 incoming handover account"
    }

    @Override
    public boolean movedByTheirHandover() {
        return false; // not theirs yet: the handover they come from needs another successor
    }
}
