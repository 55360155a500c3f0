package dev.baton.playbook;

import dev.baton.account.AccountParties.Parties;
import dev.baton.account.AccountParties.Party;
import dev.baton.blocks.Blocks;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables a playbook launched on an account gets, so its steps can be assigned in Modeler
 * without code: {@code accountOwner} (the owner's user name) for {@code assignee="=accountOwner"},
 * {@code ownerManager} (the owner's manager's) for {@code assignee="=ownerManager"}. Empty text
 * when the account has no owner or the owner no manager: the inbox then puts such a step in the
 * admins' unassigned queue, saying why, instead of the engine stopping at the expression.
 */
final class LaunchVariables {

    private LaunchVariables() {}

    /** The variables {@code given} (the caller's) does not already set. */
    static Map<String, Object> of(Parties parties, Map<String, Object> given) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Blocks.ACCOUNT_OWNER, username(parties.owner()));
        vars.put(Blocks.OWNER_MANAGER, username(parties.ownerManager()));
        vars.keySet().removeAll(given.keySet());
        return vars;
    }

    private static String username(Party party) {
        return party == null ? "" : party.username();
    }
}
