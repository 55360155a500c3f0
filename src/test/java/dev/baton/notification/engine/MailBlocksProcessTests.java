package dev.baton.notification.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.baton.blocks.BlockProcessTest;
import dev.baton.blocks.Blocks;
import dev.baton.engine.JobProblems;
import dev.baton.notification.OutboxMessages;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * send-email with its real worker: each recipient role reached (mail read back from GreenMail),
 * one mail per recipient however often the job arrives, and the incident for each bad input.
 */
class MailBlocksProcessTests extends BlockProcessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailBlocks blocks;

    @Autowired
    OutboxMessages outbox;

    @Autowired
    JobProblems jobProblems;

    @Test
    void theOwnerAndTheOwnersManagerGetTheTemplateWithTheStepsMessage() throws Exception {
        long accountId = account("rob");
        String note = "Renewal talks start on " + ThreadLocalRandom.current().nextInt(1_000_000);

        long toOwner = runBlock(
                Blocks.SEND_EMAIL,
                Map.of("template", "check-in-reminder", "to", "account-owner"),
                Map.of(Blocks.ACCOUNT_ID, accountId));
        long toManager = runBlock(
                Blocks.SEND_EMAIL,
                Map.of("template", "account-note", "to", "owner-manager", "message", "=note"),
                Map.of(Blocks.ACCOUNT_ID, accountId, "note", note));

        assertThat(awaitOutputs(toOwner, Blocks.SEND_EMAIL)).containsEntry("emailRecipients", 1);
        awaitOutputs(toManager, Blocks.SEND_EMAIL);
        String account = accounts.get(accountId).name();
        assertThat(mailsTo("rob@baton.example", account))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Time to check in with " + account));
        assertThat(mailsTo("maria@baton.example", account))
                .singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains(note));
    }

    @Test
    void thePrimaryContactGetsAMailWrittenForTheOwnerAndATeamEachMember() throws Exception {
        long accountId = account("rob");
        String customer = "ops" + ThreadLocalRandom.current().nextInt(1_000_000) + "@customer.example";
        primaryContact(accountId, "Ana Customer", customer);

        long toContact = runBlock(
                Blocks.SEND_EMAIL,
                Map.of("template", "customer-check-in", "to", "primary-contact"),
                Map.of(Blocks.ACCOUNT_ID, accountId));
        long toTeam = runBlock(
                Blocks.SEND_EMAIL,
                Map.of("template", "account-note", "to", "team", "team", "customer-success"),
                Map.of(Blocks.ACCOUNT_ID, accountId));

        awaitOutputs(toContact, Blocks.SEND_EMAIL);
        // every active member, as many as the team has now: other tests sharing this database add members
        int members = jdbc.queryForObject(
                "select count(*) from person p join team t on t.id = p.team_id where t.key = 'customer-success' and p.active",
                Integer.class);
        assertThat(members).isGreaterThanOrEqualTo(2);
        assertThat(awaitOutputs(toTeam, Blocks.SEND_EMAIL)).containsEntry("emailRecipients", members);
        String account = accounts.get(accountId).name();
        MimeMessage mail = mailsTo(customer, account).getFirst();
        assertThat(GreenMailUtil.getBody(mail)).contains("Hello Ana Customer", "Rob Jansen");
        assertThat(Arrays.stream(mail.getReplyTo()).map(Address::toString))
                .anyMatch(a -> a.contains("rob@baton.example"));
        assertThat(mailsTo("cora@baton.example", account)).hasSize(1);
        assertThat(mailsTo("colin@baton.example", account)).hasSize(1);
    }

    @Test
    void aStepDeliveredTwiceQueuesOneMail() {
        long accountId = account("rob");
        long step = newStepKey();
        Map<String, Object> vars =
                Map.of(Blocks.ACCOUNT_ID, accountId, "template", "account-note", "to", "account-owner");

        blocks.sendEmail(job(Blocks.SEND_EMAIL, step, vars, Map.of()));
        blocks.sendEmail(job(Blocks.SEND_EMAIL, step, vars, Map.of()));

        assertThat(outbox.findAll())
                .filteredOn(m -> m.getDedupKey().startsWith("block-mail:" + step + ":"))
                .hasSize(1);
    }

    @Test
    void inputsMayComeFromTaskHeaders() {
        long accountId = account("rob");
        long step = newStepKey();

        Map<String, Object> out = blocks.sendEmail(job(
                Blocks.SEND_EMAIL,
                step,
                Map.of(Blocks.ACCOUNT_ID, accountId),
                Map.of("template", "account-note", "to", "account-owner")));

        assertThat(out).containsEntry("emailRecipients", 1L);
    }

    @Test
    void anUnknownTemplateRoleOrTeamOrAMissingRecipientIsAnIncidentNamingTheInput() {
        long accountId = account("rob");
        long unowned = account(null);
        Map<String, Object> on = Map.of(Blocks.ACCOUNT_ID, accountId);

        List<String> incidents = List.of(
                        runBlock(Blocks.SEND_EMAIL, Map.of("template", "welcome", "to", "account-owner"), on),
                        runBlock(Blocks.SEND_EMAIL, Map.of("template", "account-note", "to", "the boss"), on),
                        runBlock(Blocks.SEND_EMAIL, Map.of("template", "account-note", "to", "team"), on),
                        runBlock(
                                Blocks.SEND_EMAIL,
                                Map.of("template", "account-note", "to", "team", "team", "legal"),
                                on),
                        runBlock(Blocks.SEND_EMAIL, Map.of("template", "account-note", "to", "primary-contact"), on),
                        runBlock(
                                Blocks.SEND_EMAIL,
                                Map.of("template", "account-note", "to", "account-owner"),
                                Map.of(Blocks.ACCOUNT_ID, unowned)))
                .stream()
                .map(this::awaitIncident)
                .toList();

        assertThat(incidents.get(0)).contains("'" + STEP_NAME + "'", "input 'template'", "'welcome'", "account-note");
        assertThat(incidents.get(1)).contains("input 'to'", "'the boss'", "owner-manager");
        assertThat(incidents.get(2)).contains("input 'team'", "missing");
        assertThat(incidents.get(3)).contains("input 'team'", "'legal'");
        assertThat(incidents.get(4)).contains("input 'to'", "no primary contact");
        assertThat(incidents.get(5)).contains("input 'to'", "no owner");
    }

    /**
     * Found by a hostile probe (session 40): a message whose FEEL calls a Java function is sandboxed to
     * null by the engine, and the step mailed the owner a note with no message, with no incident. A
     * message, template or recipient that is given but comes out null or blank is an incident naming it,
     * listed as a problem, and nothing is queued.
     */
    @Test
    void aMessageTemplateOrRecipientThatComesOutEmptyIsAnIncidentAndNothingIsSent() {
        long accountId = account("rob");
        Map<String, Object> on = Map.of(Blocks.ACCOUNT_ID, accountId, Blocks.LAUNCHED_BY, "rob");
        // the probe's expression, as its upload wrote it (the engine refuses the bare call at deployment)
        String javaCall = "=\"FEEL: \" + string({f: function(x) external { java: { class: \"java.lang.System\","
                + " method signature: \"getProperty(java.lang.String)\" } }, r: f(\"user.home\")}.r)";

        long sandboxed = runBlock(
                Blocks.SEND_EMAIL, Map.of("template", "account-note", "to", "account-owner", "message", javaCall), on);
        long blank = runBlock(
                Blocks.SEND_EMAIL,
                Map.of("template", "account-note", "to", "account-owner", "message", "=\" \u200b \""),
                on);
        long unsetRecipient = runBlock(
                Blocks.SEND_EMAIL, Map.of("template", "account-note", "to", "=recipient", "message", "Hi"), on);
        long unsetTemplate = runBlock(
                Blocks.SEND_EMAIL, Map.of("template", "=template_name", "to", "account-owner", "message", "Hi"), on);

        assertThat(awaitIncident(sandboxed))
                .contains("'" + STEP_NAME + "'", "input 'message': gave nothing (null)", "does nothing");
        assertThat(awaitIncident(blank)).contains("input 'message': is blank");
        assertThat(awaitIncident(unsetRecipient)).contains("input 'to': gave nothing (null)");
        assertThat(awaitIncident(unsetTemplate)).contains("input 'template': gave nothing (null)");
        assertThat(jobProblems.findTop200ByOrderByLastFailedAtDescIdDesc())
                .filteredOn(p -> p.getProcessInstanceKey() == sandboxed)
                .singleElement()
                .satisfies(p -> assertThat(p.getMessage()).contains("input 'message': gave nothing (null)"));
        assertThat(mailsTo("rob@baton.example", accounts.get(accountId).name())).isEmpty();
    }
}
