package dev.baton.renewal;

import static dev.baton.renewal.engine.RenewalBpmn.TASK_CHASE_LATE_HEALTH_REVIEW;
import static dev.baton.renewal.engine.RenewalBpmn.TASK_CHASE_LATE_PROPOSAL;
import static dev.baton.renewal.engine.RenewalBpmn.TASK_DECIDE;
import static dev.baton.renewal.engine.RenewalBpmn.TASK_REVIEW_HEALTH;
import static dev.baton.renewal.engine.RenewalBpmn.TASK_WRITE_PROPOSAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.support.Mails;
import dev.baton.support.Race;
import dev.baton.task.Task;
import dev.baton.task.TaskReminders;
import dev.baton.task.TaskStatus;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The renewal through the API with the real database, engine and mail server: the daily run, the
 * owner's tasks and mail, the decision refused at its field, then applied to the account and its
 * timeline; and the renewal date a person sets, which must not have passed.
 */
class RenewalIntegrationTests extends RenewalTest {

    @Autowired
    RenewalService service;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    GreenMail greenMail;

    @Autowired
    TaskReminders reminders;

    @Test
    void aRenewalDateInThePastIsRefusedNamingTheFieldOnCreateAndOnChange() {
        String yesterday = LocalDate.now().minusDays(1).toString();
        Map<String, Object> created = new HashMap<>(Map.of("name", "Past " + UUID.randomUUID()));
        created.put("renewalDate", yesterday);
        var refused = as("ada").postForEntity("/api/accounts", created, Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).containsKey("renewalDate");

        long account = account("rob", 200);
        Map<String, Object> changed = new HashMap<>(accountView(account));
        changed.keySet().retainAll(List.of("name", "segment", "territory", "version"));
        changed.put("renewalDate", yesterday);
        var refusedChange = as("maria")
                .exchange(
                        "/api/accounts/" + account,
                        org.springframework.http.HttpMethod.PUT,
                        new org.springframework.http.HttpEntity<>(changed),
                        Map.class);
        assertThat(refusedChange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refusedChange)).containsKey("renewalDate");
        assertThat(accountView(account))
                .containsEntry("renewalDate", LocalDate.now().plusDays(200).toString());
    }

    @Test
    void theDailyRunOpensEachDueRenewalOnceAndItsOwnerWorksItToARenewedAccount() throws Exception {
        long due = account("rob", 90);
        long missedYesterday = account("rob", 89);
        long notYet = account("rob", 91);
        List<Long> accounts = List.of(due, missedYesterday, notYet);

        assertThat(run.run(accounts)).hasSize(2);
        assertThat(run.run(accounts)).as("a second run opens nothing").isEmpty();
        long raced = account("rita", 60);
        List<Optional<Long>> both =
                Race.twiceAtOnce(() -> service.open(raced, LocalDate.now().plusDays(60)));
        assertThat(both)
                .as("two instances at once open it once")
                .filteredOn(Optional::isPresent)
                .hasSize(1);
        long renewal = renewals.findByAccountIdAndRenewalDate(
                        due, LocalDate.now().plusDays(90))
                .orElseThrow()
                .getId();
        assertThat(renewals.findAll()).noneMatch(r -> r.getAccountId() == notYet);

        Task health = awaitOpenTask(renewal, TASK_REVIEW_HEALTH);
        dispatcher.dispatch();
        assertThat(Mails.to(greenMail, "rob@baton.example"))
                .anyMatch(m -> Mails.subject(m)
                        .contains("Review account health · " + accountView(due).get("name")));
        completeTask("rob", health, Map.of("healthSummary", "Steady", "risk", "medium"), HttpStatus.OK);
        completeTask(
                "rob", awaitOpenTask(renewal, TASK_WRITE_PROPOSAL), Map.of("proposal", "Same terms"), HttpStatus.OK);
        Task decision = awaitOpenTask(renewal, TASK_DECIDE);

        Map<?, ?> noDate = completeTask("rob", decision, Map.of("decision", "renewed"), HttpStatus.BAD_REQUEST);
        assertThat(errors(noDate)).containsKey("nextRenewalDate");
        Map<?, ?> notLater = completeTask(
                "rob",
                decision,
                Map.of(
                        "decision",
                        "renewed",
                        "nextRenewalDate",
                        LocalDate.now().plusDays(90).toString()),
                HttpStatus.BAD_REQUEST);
        assertThat(errors(notLater)).containsKey("nextRenewalDate");
        Map<?, ?> farAhead = completeTask(
                "rob",
                decision,
                Map.of("decision", "renewed", "nextRenewalDate", "2199-12-31"),
                HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(errors(farAhead).get("nextRenewalDate")))
                .as("as an account's renewal date: at most 50 years ahead (probe 45, F10)")
                .startsWith("must be at most 50 years from today");
        Map<?, ?> churnWithoutReason =
                completeTask("rob", decision, Map.of("decision", "churned"), HttpStatus.BAD_REQUEST);
        assertThat(errors(churnWithoutReason)).containsKey("reason");
        assertThat(openTask(renewal, TASK_DECIDE))
                .as("refused answers leave the task open")
                .isNotNull();

        LocalDate next = LocalDate.now().plusDays(90).plusYears(1);
        completeTask("rob", decision, Map.of("decision", "renewed", "nextRenewalDate", next.toString()), HttpStatus.OK);
        sent.awaitEnded(decision.getProcessInstanceKey());
        assertThat(accountView(due))
                .containsEntry("renewalDate", next.toString())
                .containsEntry("churnedOn", null);
        assertThat(timeline(due))
                .contains(
                        "Renewal decided: renewed until " + next,
                        "The customer renewed: the next renewal date is " + next,
                        "The renewal due " + LocalDate.now().plusDays(90)
                                + " started: health review, proposal, decision");
    }

    /**
     * Found by session 41's probe: no page listed the renewals, so a manager could not see which were going
     * on, for which account, at which step, since when, nor which had ended. The list (page and API) shows
     * them to the owner's line and admins, by the account's name.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theRenewalsListShowsEachAccountsStepAndEndToTheOwnersLine() {
        long robs = account("rob", 90);
        long ravis = account("ravi", 90);
        String robsName = (String) accountView(robs).get("name");
        long renewal = openRenewal(robs);
        long ravisRenewal = openRenewal(ravis);
        Task health = awaitOpenTask(renewal, TASK_REVIEW_HEALTH);

        assertThat(listed("maria", renewal))
                .containsEntry("accountId", (int) robs)
                .containsEntry("accountName", robsName)
                .containsEntry("ownerName", "Rob Jansen")
                .containsEntry("renewalDate", LocalDate.now().plusDays(90).toString())
                .containsEntry("running", true)
                .containsEntry("decision", null)
                .containsEntry("endedAt", null);
        assertThat((List<Map<String, Object>>) listed("maria", renewal).get("steps"))
                .singleElement()
                .satisfies(step -> assertThat(step)
                        .containsEntry("name", "Review account health")
                        .containsEntry("assigneeName", "Rob Jansen")
                        .containsEntry("late", false)
                        .containsKey("since")
                        .containsKey("dueAt"));
        assertThat(listed("maria", ravisRenewal)).as("ravi is in marcus's line").isNull();
        assertThat(listed("marcus", ravisRenewal)).isNotNull();
        assertThat(listed("marcus", renewal)).isNull();
        assertThat(listed("ada", renewal)).as("an admin sees all").isNotNull();
        assertThat(as("rob").getForEntity("/api/renewals", String.class).getStatusCode())
                .as("a rep has their renewals in their inbox")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pageShowing("maria", robsName)).contains(robsName, "Rob Jansen", "Review account health");
        assertThat(pageShowing("maria", (String) accountView(ravis).get("name")))
                .doesNotContain((String) accountView(ravis).get("name"));

        completeTask("rob", health, Map.of("healthSummary", "Weak", "risk", "high"), HttpStatus.OK);
        completeTask("rob", awaitOpenTask(renewal, TASK_WRITE_PROPOSAL), Map.of("proposal", "Less"), HttpStatus.OK);
        Task decision = awaitOpenTask(renewal, TASK_DECIDE);
        completeTask("rob", decision, Map.of("decision", "churned", "reason", "Moved to a rival"), HttpStatus.OK);
        sent.awaitEnded(decision.getProcessInstanceKey());

        assertThat(listed("maria", renewal))
                .containsEntry("running", false)
                .containsEntry("steps", List.of())
                .containsEntry("decision", "CHURNED")
                .containsEntry("reason", "Moved to a rival");
        assertThat(listed("maria", renewal).get("endedAt")).isNotNull();
        assertThat(pageShowing("maria", robsName)).contains("Churned: Moved to a rival");
    }

    /** The first page of the list ({@code /renewals}) that shows {@code text} (other tests' runs share the list), else the last. */
    private String pageShowing(String user, String text) {
        String html = "";
        for (int page = 0; page < 100; page++) {
            html = dev.baton.support.SignedIn.as(http, user).getForObject("/renewals?page=" + page, String.class);
            if (html.contains(text) || !html.contains(">Next</a>")) {
                return html;
            }
        }
        return html;
    }

    @Test
    void aRenewalOpenedLateTellsTheOwnerAndTheManagerOnceEachAndTheChaseEndsWithItsStage() {
        long account = account("rob", 45); // opened late: the health review was due 15 days ago
        String name = (String) accountView(account).get("name");
        long renewal = openRenewal(account);
        Task health = awaitOpenTask(renewal, TASK_REVIEW_HEALTH);
        Task chase = awaitOpenTask(renewal, TASK_CHASE_LATE_HEALTH_REVIEW);

        reminders.run();
        reminders.run();
        dispatcher.dispatch();

        List<MimeMessage> robs = mailsAbout(name, "rob@baton.example");
        assertThat(robs)
                .as("a stage born late is told once, as overdue, and not 'reminded' of a past date")
                .extracting(Mails::subject)
                .containsExactly("New task: Review account health · " + name);
        assertThat(Mails.text(robs.getFirst())).contains("(already overdue)");
        assertThat(mailsAbout(name, "maria@baton.example"))
                .as("the manager gets the renewal's chase, not the inbox's 'Overdue' beside it")
                .extracting(Mails::subject)
                .containsExactly("New task: Chase late health review · " + name);

        completeTask("rob", health, Map.of("healthSummary", "Steady", "risk", "medium"), HttpStatus.OK);
        awaitOpenTask(renewal, TASK_WRITE_PROPOSAL); // due in 15 days: not late
        assertThat(await().atMost(WAIT)
                        .until(() -> tasks.findById(chase.getId()).orElseThrow(), t -> !t.isOpen())
                        .getStatus())
                .as("the chase ends with its stage")
                .isEqualTo(TaskStatus.CANCELED);
        assertThat(openTask(renewal, TASK_CHASE_LATE_PROPOSAL)).isNull();
    }

    private List<MimeMessage> mailsAbout(String accountName, String address) {
        return Mails.to(greenMail, address).stream()
                .filter(m -> Mails.text(m).contains(accountName))
                .toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothPlaybooksAreListedAndDrawnInTheCatalogueAsOnesBatonStartsItself() {
        for (String playbook : List.of("renewal", "contact-stewardship")) {
            Map<String, Object> listed = as("rob").getForObject("/api/playbooks/" + playbook, Map.class);
            assertThat((List<String>) listed.get("launchRoles")).as(playbook).isEmpty();
            assertThat(listed).containsEntry("source", "bundled").containsEntry("mayLaunch", false);
            assertThat(as("ada").getForObject("/api/playbooks/" + playbook + "/xml", String.class))
                    .contains("<bpmndi:BPMNDiagram");
            assertThat(as("ada")
                            .postForEntity("/api/playbooks/" + playbook + "/instances", Map.of(), Map.class)
                            .getStatusCode())
                    .as("the run starts it, with its once-per-account/owner guard")
                    .isEqualTo(HttpStatus.CONFLICT);
        }
    }
}
