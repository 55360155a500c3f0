package dev.baton.blocks;

import dev.baton.people.PeopleByName;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * People a block's input names (user name or e-mail, see {@link PeopleByName}), and the person whose
 * rights a block acts with (its playbook's launcher), refused as input errors.
 */
@Component
public class BlockPeople {

    private final PeopleByName people;
    private final PeopleLookup lookup;

    BlockPeople(PeopleByName people, PeopleLookup lookup) {
        this.people = people;
        this.lookup = lookup;
    }

    /** The active person {@code nameOrEmail} names; otherwise an input error on {@code input}. */
    public Person active(String nameOrEmail, String input) {
        Person person = people.find(nameOrEmail)
                .orElseThrow(
                        () -> new BlockInputError(input, "nobody has the user name or e-mail '" + nameOrEmail + "'"));
        if (!person.isActive()) {
            throw new BlockInputError(input, person.getUsername() + " is inactive");
        }
        return person;
    }

    /**
     * The person who launched the playbook ({@code launchedBy}, a user name), whose rights every block
     * of the run acts with (ADR 014), as long as they are still with the company. Nothing in DESIGN.md or
     * the ADRs hands a departed person's playbook runs to anyone (a handover moves accounts, commitments,
     * tasks and leads, and deactivation waits for those alone), so the rights of someone who has left
     * lend themselves to nobody: their runs stop at their next block.
     *
     * @throws BlockInputError on {@code launchedBy} when nobody has that user name, or when the person
     *     is inactive (has left), saying what to do
     */
    public Person launcher(String username) {
        Person launcher = lookup.byUsername(username)
                .orElseThrow(
                        () -> new BlockInputError(Blocks.LAUNCHED_BY, "nobody has the user name '" + username + "'"));
        if (!launcher.isActive()) {
            throw new BlockInputError(
                    Blocks.LAUNCHED_BY,
                    username + " has left; the blocks of a playbook act with the rights of the person who launched"
                            + " it, and someone who has left has none: cancel this run and launch the playbook again"
                            + " as someone who may act on the account");
        }
        return launcher;
    }

    /**
     * Asks the API's rule for an action on the step's account ({@code check}, e.g. may edit it) of the
     * person who launched the playbook, when the step runs: {@code accountId} may have changed since the
     * launch checked it (a form's answer, an output mapping), the account changed hands, or the launcher
     * left ({@link #launcher}). A refusal is an input error on {@code accountId} naming the launcher and
     * the rule's reason; a launcher Baton does not know, or who has left, one on {@code launchedBy}.
     *
     * @param what the action, to follow "may not", e.g. {@code "edit"}: "may not edit account 31"
     * @throws BlockInputError as above; nothing is changed by this check
     */
    public void requireLauncherMay(String launcher, long accountId, String what, Runnable check) {
        launcher(launcher);
        try {
            BlockRefusals.of(Blocks.LAUNCHED_BY, Map.of(), () -> {
                check.run();
                return null;
            });
        } catch (AccessDeniedException refused) {
            throw new BlockInputError(
                    Blocks.ACCOUNT_ID,
                    "the playbook's launcher " + launcher + " may not " + what + " account " + accountId + ": "
                            + refused.getMessage());
        }
    }
}
