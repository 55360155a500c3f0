package dev.baton.account.engine;

import dev.baton.account.Account;
import dev.baton.account.AccountAccess;
import dev.baton.account.AccountDetails;
import dev.baton.account.AccountService;
import dev.baton.account.InteractionKind;
import dev.baton.account.InteractionService;
import dev.baton.account.NewInteraction;
import dev.baton.audit.AuditLog;
import dev.baton.blocks.BlockInputError;
import dev.baton.blocks.BlockInputs;
import dev.baton.blocks.BlockPeople;
import dev.baton.blocks.BlockRefusals;
import dev.baton.blocks.BlockRuns;
import dev.baton.blocks.Blocks;
import dev.baton.people.Person;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The building blocks that act on an account: record-interaction, reassign-owner, update-account
 * (inputs and outputs in {@link Blocks}). Each reads its inputs, then does its one change through
 * the account's services once per step ({@link BlockRuns}); a missing or wrong input is a {@link
 * BlockInputError}, an incident naming the step and the input. Public: the SDK invokes them
 * reflectively.
 *
 * <p>Each acts for the person who launched the playbook ({@code launchedBy}; ADR 014): before it
 * touches the account it asks them the API's rule for that account, when the step runs, since {@code
 * accountId} may have changed since the launch (a form's answer, a mapping) or the account changed
 * hands; a refusal is an incident naming {@code accountId} and the launcher (or {@code launchedBy}, when
 * the launcher has left: {@link BlockPeople#launcher}), and nothing changes. The change is audited in
 * the launcher's name. An instance nobody launched (a timer's, Baton's own, one
 * from before Baton recorded launchers) has nobody whose rights to ask: it may log an interaction (in
 * the owner's name only) and update the account, but not move it, which gives someone work.
 */
@Component
public class AccountBlocks {

    private final AccountService accounts;
    private final AccountAccess access;
    private final InteractionService interactions;
    private final BlockPeople people;
    private final BlockRuns runs;
    private final Validator validator;
    private final Clock clock;

    AccountBlocks(
            AccountService accounts,
            AccountAccess access,
            InteractionService interactions,
            BlockPeople people,
            BlockRuns runs,
            Validator validator,
            Clock clock) {
        this.accounts = accounts;
        this.access = access;
        this.interactions = interactions;
        this.people = people;
        this.runs = runs;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Logs an interaction ({@code kind}, {@code summary}) on the account's timeline, once per step, for
     * the person who launched the playbook: they must still be one who may act on the account (the
     * launch's rule, {@link AccountAccess#requireMayActOn}; ADR 014). It is logged in the name of {@code
     * by}, else of the account's owner; {@code by} may name only the launcher, the account's owner, or
     * someone the launcher may act for ({@link BlockPeople#author}: the API logs an interaction only as
     * whoever signs in), so no answer to a step puts words in another's mouth.
     *
     * @return {@code interactionId}, the logged interaction's id
     * @throws BlockInputError naming the input at fault ({@code accountId}, {@code kind}, {@code summary},
     *     {@code by}, {@code launchedBy}) and why; nothing is logged
     */
    @JobWorker(
            type = Blocks.RECORD_INTERACTION,
            autoComplete = true,
            fetchVariables = {Blocks.ACCOUNT_ID, "kind", "summary", "by", Blocks.LAUNCHED_BY})
    public Map<String, Object> recordInteraction(ActivatedJob job) {
        BlockInputs in = new BlockInputs(job.getVariablesAsMap(), job.getCustomHeaders());
        long accountId = in.accountId();
        InteractionKind kind = InteractionKind.valueOf(in.choice(
                "kind", Arrays.stream(InteractionKind.values()).map(Enum::name).toList()));
        NewInteraction interaction =
                BlockRefusals.valid(validator, new NewInteraction(kind, in.required("summary"), null, null), Map.of());
        Optional<String> launcher = in.launcherIfKnown();
        return runs.once(job.getElementInstanceKey(), job.getType(), () -> {
            Account account = account(accountId);
            // the API lets anyone log as themselves; the block logs in another's name (the owner's by
            // default), so it is held to the rule of the account's people, as the launch was
            requireLauncherMayActOn(launcher, accountId, "log an interaction on");
            String by = people.author(
                    in.text("by"),
                    "by",
                    launcher,
                    account.getOwner() == null ? null : account.getOwner().getUsername(),
                    "log the interaction");
            return Map.of(
                    "interactionId",
                    AuditLog.onBehalfOf(launcher.orElse(null), () -> interactions.log(accountId, interaction, by))
                            .id());
        });
    }

    /**
     * Moves the account to {@code newOwner} for the person who launched the playbook ({@code
     * launchedBy}), by the rule the API applies to them ({@link AccountAccess#requireMayReassign}: act
     * for the current owner, asked even when the account already has that owner, refused at {@code
     * accountId}; may give the new one work, refused at {@code newOwner}; ADR 014), and in their name
     * on the audit trail. A launcher who may not is an incident saying why, and the account stays where
     * it is.
     */
    @JobWorker(
            type = Blocks.REASSIGN_OWNER,
            autoComplete = true,
            fetchVariables = {Blocks.ACCOUNT_ID, "newOwner", Blocks.LAUNCHED_BY})
    public Map<String, Object> reassignOwner(ActivatedJob job) {
        BlockInputs in = new BlockInputs(job.getVariablesAsMap(), job.getCustomHeaders());
        long accountId = in.accountId();
        String newOwner = in.required("newOwner");
        String launcher = in.launcher();
        return runs.once(job.getElementInstanceKey(), job.getType(), () -> {
            Account account = account(accountId);
            people.requireLauncherMay(launcher, accountId, "move", () -> access.requireMayMove(accountId, launcher));
            Person owner = people.active(newOwner, "newOwner");
            Person previous = account.getOwner();
            if (previous == null || !previous.getId().equals(owner.getId())) {
                requireLauncherMayMove(accountId, owner, launcher);
                AuditLog.onBehalfOf(
                        launcher,
                        () -> BlockRefusals.of(
                                "newOwner",
                                Map.of("ownerId", "newOwner"),
                                () -> accounts.transfer(accountId, owner.getId(), account.getVersion())));
            }
            Map<String, Object> out = new HashMap<>();
            out.put("previousOwner", previous == null ? null : previous.getUsername());
            out.put(Blocks.ACCOUNT_OWNER, owner.getUsername());
            out.put(
                    Blocks.OWNER_MANAGER,
                    owner.getManager() == null ? "" : owner.getManager().getUsername());
            return out;
        });
    }

    /** Edits the account's details for the launcher, by the API's rule for editing ({@link AccountAccess#requireMayActOn}). */
    @JobWorker(
            type = Blocks.UPDATE_ACCOUNT,
            autoComplete = true,
            fetchVariables = {Blocks.ACCOUNT_ID, "segment", "territory", "renewalDate", Blocks.LAUNCHED_BY})
    public Map<String, Object> updateAccount(ActivatedJob job) {
        BlockInputs in = new BlockInputs(job.getVariablesAsMap(), job.getCustomHeaders());
        long accountId = in.accountId();
        LocalDate today = LocalDate.now(clock);
        Optional<String> segment = in.text("segment");
        Optional<String> territory = in.text("territory");
        Optional<LocalDate> renewal = in.date("renewalDate", today);
        if (segment.isEmpty() && territory.isEmpty() && renewal.isEmpty()) {
            throw new BlockInputError(
                    "segment", "is missing, as are territory and renewalDate: give at least one of them");
        }
        if (renewal.isPresent() && renewal.get().isBefore(today)) {
            throw new BlockInputError("renewalDate", renewal.get() + " is in the past (today is " + today + ")");
        }
        Optional<String> launcher = in.launcherIfKnown();
        return runs.once(job.getElementInstanceKey(), job.getType(), () -> {
            Account a = account(accountId);
            requireLauncherMayActOn(launcher, accountId, "edit");
            AccountDetails details = BlockRefusals.valid(
                    validator,
                    new AccountDetails(
                            a.getName(),
                            segment.orElse(a.getSegment()),
                            territory.orElse(a.getTerritory()),
                            renewal.orElse(a.getRenewalDate()),
                            a.getVersion()),
                    Map.of());
            return Map.of(
                    "accountVersion",
                    AuditLog.onBehalfOf(
                                    launcher.orElse(null),
                                    () -> BlockRefusals.of(
                                            Blocks.ACCOUNT_ID, Map.of(), () -> accounts.update(accountId, details)))
                            .version());
        });
    }

    private void requireLauncherMayMove(long accountId, Person newOwner, String launcher) {
        try {
            BlockRefusals.of(Blocks.LAUNCHED_BY, Map.of("ownerId", "newOwner"), () -> {
                access.requireMayReassign(accountId, newOwner.getId(), launcher);
                return null;
            });
        } catch (AccessDeniedException refused) {
            throw new BlockInputError(
                    "newOwner",
                    people.launcherMayNot(
                            people.launcher(launcher), "move the account to " + newOwner.getFullName(), refused));
        }
    }

    /** The launch's rule ({@link AccountAccess#requireMayActOn}), asked of a known launcher now. */
    private void requireLauncherMayActOn(Optional<String> launcher, long accountId, String what) {
        launcher.ifPresent(
                l -> people.requireLauncherMay(l, accountId, what, () -> access.requireMayActOn(accountId, l)));
    }

    private Account account(long id) {
        return BlockRefusals.of(Blocks.ACCOUNT_ID, Map.of(), () -> accounts.account(id));
    }
}
