package dev.baton.notification.engine;

import dev.baton.account.AccountAccess;
import dev.baton.account.AccountParties;
import dev.baton.account.AccountParties.Parties;
import dev.baton.account.AccountParties.Party;
import dev.baton.blocks.BlockInputError;
import dev.baton.blocks.BlockInputs;
import dev.baton.blocks.BlockMailTemplates;
import dev.baton.blocks.BlockPeople;
import dev.baton.blocks.BlockRuns;
import dev.baton.blocks.Blocks;
import dev.baton.notification.MailComposer;
import dev.baton.notification.Outbox;
import dev.baton.people.PeopleService;
import dev.baton.people.PersonView;
import dev.baton.people.TeamService;
import dev.baton.shared.NotFoundException;
import dev.baton.shared.Text;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The {@code baton.send-email} block: a block mail template ({@link BlockMailTemplates}) to a
 * recipient role, queued in Baton's outbox once per step ({@link BlockRuns}; each mail's dedup
 * key names the step and the address as well). A mail to the primary contact is written for the
 * account's owner: it shows the owner's name and replies go to them. Public: the SDK invokes it
 * reflectively.
 *
 * <p>Every template speaks of the account, and a mail to its primary contact speaks for its owner,
 * so the person who launched the playbook ({@code launchedBy}) must still be one who may act on the
 * account (the launch's rule, {@link AccountAccess#requireMayActOn}; ADR 014), asked when the step
 * runs: {@code accountId} may have changed since the launch. A refusal is an incident naming {@code
 * accountId} and the launcher (or {@code launchedBy}, when the launcher has left: {@link
 * BlockPeople#launcher}), and nothing is queued. An instance nobody launched has nobody whose
 * rights to ask, and mails as before.
 */
@Component
public class MailBlocks {

    static final int MAX_MESSAGE = 4000;
    static final int MAX_TEAM = 200;

    private final AccountParties accounts;
    private final AccountAccess access;
    private final TeamService teams;
    private final PeopleService people;
    private final BlockPeople launchers;
    private final MailComposer composer;
    private final Outbox outbox;
    private final BlockRuns runs;

    MailBlocks(
            AccountParties accounts,
            AccountAccess access,
            TeamService teams,
            PeopleService people,
            BlockPeople launchers,
            MailComposer composer,
            Outbox outbox,
            BlockRuns runs) {
        this.accounts = accounts;
        this.access = access;
        this.teams = teams;
        this.people = people;
        this.launchers = launchers;
        this.composer = composer;
        this.outbox = outbox;
        this.runs = runs;
    }

    @JobWorker(
            type = Blocks.SEND_EMAIL,
            autoComplete = true,
            fetchVariables = {Blocks.ACCOUNT_ID, "template", "to", "team", "message", Blocks.LAUNCHED_BY})
    public Map<String, Object> sendEmail(ActivatedJob job) {
        BlockInputs in = new BlockInputs(job.getVariablesAsMap(), job.getCustomHeaders());
        long accountId = in.accountId();
        String template = in.choice("template", BlockMailTemplates.NAMES);
        String to = in.choice("to", Blocks.RECIPIENT_ROLES);
        String message = in.text("message").map(Text::normalise).orElse(null);
        if (message != null && message.length() > MAX_MESSAGE) {
            throw new BlockInputError("message", "is " + message.length() + " characters; at most " + MAX_MESSAGE);
        }
        if (message != null && Text.notPlainText(message) != null) {
            throw new BlockInputError("message", Text.notPlainText(message));
        }
        var launcher = in.launcherIfKnown();
        return runs.once(job.getElementInstanceKey(), job.getType(), () -> {
            Parties parties = accounts.of(accountId)
                    .orElseThrow(() ->
                            new BlockInputError(Blocks.ACCOUNT_ID, NotFoundException.noSuch("account", accountId)));
            launcher.ifPresent(l -> launchers.requireLauncherMay(
                    l, accountId, "send mail about", () -> access.requireMayActOn(accountId, l)));
            List<Party> recipients = recipients(to, in, parties);
            Outbox.Sender sender = to.equals(Blocks.TO_PRIMARY_CONTACT) && parties.owner() != null
                    ? new Outbox.Sender(
                            parties.owner().fullName(), parties.owner().email())
                    : null;
            for (Party recipient : recipients) {
                Map<String, Object> model = new HashMap<>();
                model.put("recipientName", recipient.fullName());
                model.put("accountId", accountId);
                model.put("accountName", parties.accountName());
                model.put(
                        "ownerName",
                        parties.owner() == null ? null : parties.owner().fullName());
                model.put("message", message);
                outbox.enqueue(
                        "block-mail:" + job.getElementInstanceKey() + ":" + recipient.email(),
                        recipient.email(),
                        null,
                        sender,
                        composer.compose(BlockMailTemplates.file(template), model));
            }
            return Map.of("emailRecipients", recipients.size());
        });
    }

    private List<Party> recipients(String to, BlockInputs in, Parties parties) {
        return switch (to) {
            case Blocks.TO_ACCOUNT_OWNER -> List.of(required(parties.owner(), "the account has no owner"));
            case Blocks.TO_OWNER_MANAGER ->
                List.of(required(
                        parties.ownerManager(),
                        parties.owner() == null ? "the account has no owner" : "the account's owner has no manager"));
            case Blocks.TO_PRIMARY_CONTACT ->
                List.of(required(
                        parties.primaryContact(), "the account has no primary contact with an e-mail address"));
            default ->
                team(in.text("team")
                        .orElseThrow(
                                () -> new BlockInputError("team", "is missing: 'to' is team, so name the team's key")));
        };
    }

    private List<Party> team(String key) {
        var team = teams.byKey(key).orElseThrow(() -> new BlockInputError("team", "no team has the key '" + key + "'"));
        List<Party> members = people.find(team.getId(), null, true, PageRequest.of(0, MAX_TEAM)).stream()
                .map(MailBlocks::party)
                .toList();
        if (members.isEmpty()) {
            throw new BlockInputError("team", "team '" + key + "' has no active member");
        }
        return members;
    }

    private static Party required(Party party, String missing) {
        if (party == null || party.email() == null || party.email().isBlank()) {
            throw new BlockInputError("to", missing);
        }
        return party;
    }

    private static Party party(PersonView p) {
        return new Party(p.username(), p.fullName(), p.email());
    }
}
