package dev.baton.commitment.engine;

import dev.baton.account.AccountAccess;
import dev.baton.account.AccountParties;
import dev.baton.account.AccountParties.Parties;
import dev.baton.audit.AuditLog;
import dev.baton.blocks.BlockInputError;
import dev.baton.blocks.BlockInputs;
import dev.baton.blocks.BlockPeople;
import dev.baton.blocks.BlockRefusals;
import dev.baton.blocks.BlockRuns;
import dev.baton.blocks.Blocks;
import dev.baton.commitment.CommitmentAccess;
import dev.baton.commitment.CommitmentCounts;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.NewCommitment;
import dev.baton.people.TeamService;
import dev.baton.shared.NotFoundException;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The building blocks about commitments (inputs and outputs in {@link Blocks}): record-commitment
 * goes through {@link CommitmentService}, so the commitment's own process starts after commit as
 * for any commitment, once per step ({@link BlockRuns}); check-commitments only reads, which a
 * second delivery may do again. Public: the SDK invokes them reflectively.
 *
 * <p>Both ask the person who launched the playbook ({@code launchedBy}) the rule for the account they
 * act on when the step runs ({@link AccountAccess#requireMayActOn}, the launch's rule; ADR 014), since
 * {@code accountId} may have changed since the launch: a refusal is an incident naming {@code
 * accountId} and the launcher (or {@code launchedBy}, when the launcher has left: {@link
 * BlockPeople#launcher}), and nothing is recorded or read.
 */
@Component
public class CommitmentBlocks {

    /** The service's request fields, by the block input that fills them. */
    private static final Map<String, String> INPUTS = Map.of(
            "ownerId",
            "owner",
            "deliveringTeamId",
            "deliveringTeam",
            "accountId",
            Blocks.ACCOUNT_ID,
            // a day already ended where the owner is: refused by the service, which knows their zone
            "dueDate",
            "dueDate");

    private final CommitmentService commitments;
    private final CommitmentAccess access;
    private final CommitmentCounts counts;
    private final AccountParties accounts;
    private final AccountAccess accountAccess;
    private final BlockPeople people;
    private final TeamService teams;
    private final BlockRuns runs;
    private final Validator validator;
    private final Clock clock;

    CommitmentBlocks(
            CommitmentService commitments,
            CommitmentAccess access,
            CommitmentCounts counts,
            AccountParties accounts,
            AccountAccess accountAccess,
            BlockPeople people,
            TeamService teams,
            BlockRuns runs,
            Validator validator,
            Clock clock) {
        this.commitments = commitments;
        this.access = access;
        this.counts = counts;
        this.accounts = accounts;
        this.accountAccess = accountAccess;
        this.people = people;
        this.teams = teams;
        this.runs = runs;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Records the commitment for the person who launched the playbook ({@code launchedBy}), by the rule
     * the API applies to them ({@link CommitmentAccess#requireMayRecord}: they may act on the account,
     * refused at {@code accountId}, and may give the work to the {@code owner} named; ADR 014), asked
     * when the step runs (the account may have changed hands since the launch, or {@code accountId}
     * changed), and in their name on the audit trail. A launcher who may not is an incident saying why,
     * and nothing is recorded. Its maker is {@code madeBy}, else the account's owner; {@code madeBy} may
     * name only the launcher, the account's owner, or someone the launcher may act for ({@link
     * BlockPeople#author}: the API records the signed-in person as the maker), else it is an incident
     * naming {@code madeBy}.
     *
     * <p>An instance nobody launched (started by Baton or a timer, or before Baton recorded launchers)
     * has nobody whose rights to ask: it may record an unowned commitment, in {@code system}'s name
     * (nobody is given work; its process asks for an owner), but naming an {@code owner} is an
     * incident naming {@code launchedBy} rather than work given to someone unchecked; so is naming a
     * maker other than the account's owner, at {@code madeBy}.
     *
     * @return {@code commitmentId}, the recorded commitment's id
     * @throws BlockInputError naming the input at fault and why; nothing is recorded
     */
    @JobWorker(
            type = Blocks.RECORD_COMMITMENT,
            autoComplete = true,
            fetchVariables = {
                Blocks.ACCOUNT_ID,
                "description",
                "dueDate",
                "owner",
                "deliveringTeam",
                "madeBy",
                Blocks.LAUNCHED_BY
            })
    public Map<String, Object> recordCommitment(ActivatedJob job) {
        BlockInputs in = new BlockInputs(job.getVariablesAsMap(), job.getCustomHeaders());
        long accountId = in.accountId();
        String description = in.required("description");
        LocalDate dueDate = in.date("dueDate", LocalDate.now(clock))
                .orElseThrow(() -> new BlockInputError(
                        "dueDate", "is missing: give a date (2026-12-01) or a period" + " from today (P14D)"));
        Optional<String> ownerName = in.text("owner");
        String launcher =
                ownerName.isPresent() ? in.launcher() : in.launcherIfKnown().orElse(null);
        return runs.once(job.getElementInstanceKey(), job.getType(), () -> {
            Parties parties = parties(accountId);
            requireLauncherMayActOn(Optional.ofNullable(launcher), accountId, "record a commitment on");
            Long ownerId = ownerName.map(o -> people.active(o, "owner").getId()).orElse(null);
            Long teamId = in.text("deliveringTeam")
                    .map(key -> teams.byKey(key)
                            .orElseThrow(
                                    () -> new BlockInputError("deliveringTeam", "no team has the key '" + key + "'"))
                            .getId())
                    .orElse(null);
            String madeBy = people.author(
                    in.text("madeBy"),
                    "madeBy",
                    Optional.ofNullable(launcher),
                    parties.owner() == null ? null : parties.owner().username(),
                    "record the commitment");
            NewCommitment commitment = BlockRefusals.valid(
                    validator, new NewCommitment(accountId, null, description, ownerId, teamId, dueDate), INPUTS);
            if (launcher != null) {
                requireLauncherMayRecord(commitment, launcher, ownerName);
            }
            long id = AuditLog.onBehalfOf(
                            launcher,
                            () -> BlockRefusals.of("description", INPUTS, () -> commitments.create(commitment, madeBy)))
                    .id();
            return Map.of("commitmentId", id);
        });
    }

    private void requireLauncherMayRecord(NewCommitment commitment, String launcher, Optional<String> ownerName) {
        try {
            BlockRefusals.of(Blocks.LAUNCHED_BY, INPUTS, () -> {
                access.requireMayRecord(commitment, launcher);
                return null;
            });
        } catch (AccessDeniedException refused) {
            throw new BlockInputError(
                    ownerName.isPresent() ? "owner" : Blocks.ACCOUNT_ID,
                    people.launcherMayNot(
                            people.launcher(launcher),
                            "record this commitment"
                                    + ownerName
                                            .map(o -> " for "
                                                    + people.active(o, "owner").getFullName())
                                            .orElse(""),
                            refused));
        }
    }

    /**
     * Counts the account's commitments. Reads are open to everyone in the API, but a playbook on an
     * account is for those who may act on it (the launch's rule), so the launcher must still be one of
     * them: a rep reads no other rep's account through a playbook.
     */
    @JobWorker(
            type = Blocks.CHECK_COMMITMENTS,
            autoComplete = true,
            fetchVariables = {Blocks.ACCOUNT_ID, Blocks.LAUNCHED_BY})
    public Map<String, Object> checkCommitments(ActivatedJob job) {
        BlockInputs in = new BlockInputs(job.getVariablesAsMap(), job.getCustomHeaders());
        long accountId = in.accountId();
        parties(accountId);
        requireLauncherMayActOn(in.launcherIfKnown(), accountId, "read the commitments of");
        CommitmentCounts.Counts c = counts.of(accountId);
        return Map.of(
                "openCommitments", c.open(), "overdueCommitments", c.overdue(), "breachedCommitments", c.breached());
    }

    /** The launch's rule ({@link AccountAccess#requireMayActOn}), asked of a known launcher now. */
    private void requireLauncherMayActOn(Optional<String> launcher, long accountId, String what) {
        launcher.ifPresent(
                l -> people.requireLauncherMay(l, accountId, what, () -> accountAccess.requireMayActOn(accountId, l)));
    }

    private Parties parties(long accountId) {
        return accounts.of(accountId)
                .orElseThrow(
                        () -> new BlockInputError(Blocks.ACCOUNT_ID, NotFoundException.noSuch("account", accountId)));
    }
}
