package dev.baton.blocks;

import dev.baton.people.PeopleByName;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.ReportingLines;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * People a block's input names (user name or e-mail, see {@link PeopleByName}), the person whose
 * rights a block acts with (its playbook's launcher), and whose name a block may write in, refused as
 * input errors.
 */
@Component
public class BlockPeople {

    private final PeopleByName people;
    private final PeopleLookup lookup;
    private final ReportingLines lines;

    BlockPeople(PeopleByName people, PeopleLookup lookup, ReportingLines lines) {
        this.people = people;
        this.lookup = lookup;
        this.lines = lines;
    }

    /** The active person {@code nameOrEmail} names; otherwise an input error on {@code input}. */
    public Person active(String nameOrEmail, String input) {
        Person person = people.find(nameOrEmail)
                .orElseThrow(
                        () -> new BlockInputError(input, "nobody has the user name or e-mail '" + nameOrEmail + "'"));
        if (!person.isActive()) {
            throw new BlockInputError(input, person.getFullName() + " is inactive");
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
                    launcher.getFullName()
                            + " has left; the blocks of a playbook act with the rights of the person who launched"
                            + " it, and someone who has left has none: cancel this run and launch the playbook again"
                            + " as someone who may act on the account");
        }
        return launcher;
    }

    /**
     * Asks the API's rule for an action on the step's account ({@code check}, e.g. may edit it) of the
     * person who launched the playbook, when the step runs: {@code accountId} may have changed since the
     * launch checked it (a form's answer, an output mapping), the account changed hands, or the launcher
     * left ({@link #launcher}). A refusal is an input error on {@code accountId} naming the launcher
     * by full name and the rule's reason; a launcher Baton does not know, or who has left, one on {@code launchedBy}.
     *
     * @param what the action, to follow "may not", e.g. {@code "edit"}: "may not edit account 31"
     * @throws BlockInputError as above; nothing is changed by this check
     */
    public void requireLauncherMay(String launcher, long accountId, String what, Runnable check) {
        Person by = launcher(launcher);
        try {
            BlockRefusals.of(Blocks.LAUNCHED_BY, Map.of(), () -> {
                check.run();
                return null;
            });
        } catch (AccessDeniedException refused) {
            throw new BlockInputError(Blocks.ACCOUNT_ID, launcherMayNot(by, what + " account " + accountId, refused));
        }
    }

    /**
     * A refusal of the launcher's rights as an incident says it: the launcher by full name, what they
     * may not do, and the API rule's reason ("the playbook's launcher Rob Jansen may not edit account
     * 31: Acme GmbH is owned by ...").
     *
     * @param what what the block would do, to follow "may not", e.g. {@code "move the account to Rita Okafor"}
     */
    public String launcherMayNot(Person launcher, String what, AccessDeniedException refused) {
        return "the playbook's launcher " + launcher.getFullName() + " may not " + what + ": " + refused.getMessage();
    }

    /**
     * Whose name a block writes what it records in: an interaction's author ({@code by}), a commitment's
     * maker ({@code madeBy}). Form fields become process variables, so whoever answers a step of the run
     * (or the playbook's author) could otherwise put words in anyone's mouth on the account's record.
     *
     * <p>The rule, from the API: it never writes in another's name (an interaction's author and a
     * commitment's maker are the signed-in person, ADR 014; {@code InteractionService.log}, {@code
     * CommitmentService.create}). A block has no signed-in person but acts for its launcher, so it may
     * name the launcher; someone the launcher may act for, whose work the API lets them do ({@link
     * ReportingLines#mayActFor}: a manager the people in their line, an admin anyone); or the account's
     * owner, whom the block names when the input is left out (its documented default, kept: the launcher
     * passed the account's rule already). A run nobody launched has nobody whose rights to ask: only the
     * owner. The person named must be active.
     *
     * @param named the input's value, when given (a user name or e-mail)
     * @param input the input's name ({@code by}, {@code madeBy}), which a refusal names
     * @param launcher the launcher's user name; empty for a run nobody launched
     * @param accountOwner the account's owner's user name, or null when it has none
     * @param what what is written in their name, to follow "may not": e.g. {@code "log the interaction"}
     * @return the user name to write it in
     * @throws BlockInputError on {@code input} for a person Baton does not know, who is inactive, or whom
     *     the rule above does not allow, saying why; on {@code input} too when it is left out and the
     *     account has no owner; on {@code launchedBy} when the launcher has left ({@link #launcher})
     */
    public String author(
            Optional<String> named, String input, Optional<String> launcher, String accountOwner, String what) {
        if (named.isEmpty()) {
            if (accountOwner == null) {
                throw new BlockInputError(
                        input, "is missing, and the account has no owner to " + what + " in their name");
            }
            return accountOwner;
        }
        Person author = active(named.get(), input);
        String name = author.getUsername();
        if (name.equals(accountOwner)) {
            return name;
        }
        String fullName = author.getFullName();
        if (launcher.isEmpty()) {
            throw new BlockInputError(
                    input,
                    "names " + fullName + ", but nobody launched this run, so Baton cannot ask anyone's rights to "
                            + what
                            + " in another's name: leave it out (the account's owner) or launch the playbook from"
                            + " the catalogue");
        }
        Person by = launcher(launcher.get());
        if (!lines.mayActFor(by, author)) {
            throw new BlockInputError(
                    input,
                    "the playbook's launcher " + by.getFullName() + " may not " + what + " in " + fullName + "'s name: "
                            + fullName + " is neither " + by.getFullName() + ", nor the account's owner, nor in "
                            + by.getFullName() + "'s line (a playbook writes in its launcher's name, the account"
                            + " owner's, or that of someone the launcher manages; an admin's, anyone's)");
        }
        return name;
    }
}
