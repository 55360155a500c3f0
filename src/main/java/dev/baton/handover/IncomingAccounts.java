package dev.baton.handover;

import dev.baton.people.OwnedWork;
import dev.baton.people.Person;
import dev.baton.shared.Text;
import java.util.List;
import java.util.Optional;
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
    @Transactional(readOnly = true)
    public Optional<String> remedy(Person person, long count) {
        // not theirs yet: a handover of theirs would not move them; the handovers they come from need another successor
        return Optional.of("choose another successor for " + (count == 1 ? "it" : "them") + " in "
                + handoversOf(items.departingWithAccountsIncomingTo(person)) + " first");
    }

    /** "Ravi Shankar's handover", "Ravi Shankar's and Rita Okafor's handovers". */
    static String handoversOf(List<String> departing) {
        return Text.listed(departing.stream().map(name -> name + "'s").toList(), "and")
                + (departing.size() == 1 ? " handover" : " handovers");
    }
}
