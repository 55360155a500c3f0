package dev.baton.playbook;

import dev.baton.account.AccountParties.Parties;
import dev.baton.account.AccountParties.Party;
import dev.baton.blocks.Blocks;
import dev.baton.shared.BadRequestException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables Baton itself gives a playbook launched from the catalogue, so its steps can be
 * assigned in Modeler without code and its blocks know whose rights they act with: {@code
 * accountOwner} (the account owner's user name) for {@code assignee="=accountOwner"}, {@code
 * ownerManager} (the owner's manager's) for {@code assignee="=ownerManager"}, and {@code launchedBy}
 * (the launcher's). Empty text when the account has no owner or the owner no manager: the inbox then
 * puts such a step in the admins' unassigned queue, saying why, instead of the engine stopping at the
 * expression. They come from the account and the signed-in person only, never from the caller: they
 * route steps to people, and a launcher naming them could hand a step meant for the account's owner
 * (or a block's rights) to anyone.
 */
final class LaunchVariables {

    private LaunchVariables() {}

    /**
     * Refuses a launch whose variables name any Baton sets, whatever their values (null included): a
     * 400 naming each of them, before anything starts. Refused rather than overwritten: the caller
     * meant a step to go to someone, and silently sending it elsewhere would hide that it did not.
     *
     * @throws BadRequestException naming every such variable, in the order of {@link Blocks#RESERVED}
     */
    static void requireNoneGiven(Map<String, Object> given) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String name : Blocks.RESERVED) {
            if (given.containsKey(name)) {
                errors.put(
                        name,
                        "is set by Baton ("
                                + (name.equals(Blocks.LAUNCHED_BY) ? "the signed-in person" : "from the account")
                                + "), not by the launch: leave it out");
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }

    /** The variables of a launch by {@code launcher}; {@code parties} of its account, or null without one. */
    static Map<String, Object> of(Parties parties, String launcher) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Blocks.LAUNCHED_BY, launcher);
        if (parties != null) {
            vars.put(Blocks.ACCOUNT_OWNER, username(parties.owner()));
            vars.put(Blocks.OWNER_MANAGER, username(parties.ownerManager()));
        }
        return vars;
    }

    private static String username(Party party) {
        return party == null ? "" : party.username();
    }
}
