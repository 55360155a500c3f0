package dev.baton.commitment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;

import com.icegreen.greenmail.util.GreenMail;
import dev.baton.audit.AuditEvents;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.CommitmentProcessSteps;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.commitment.Commitments;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.people.People;
import dev.baton.people.Teams;
import dev.baton.shared.EngineUnavailableException;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import dev.baton.task.TaskSubject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** A commitment's whole life through the API, the inbox and the engine, with its mails. */
class CommitmentProcessIntegrationTests extends EngineIntegrationTest {

    @Autowired
    Commitments commitments;

    @Autowired
    People people;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    GreenMail greenMail;

    @Autowired
    AuditEvents audit;

    @Autowired
    CommitmentProcessSteps steps;

    @Autowired
    CommitmentWorkers workers;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Autowired
    CommitmentService commitmentService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Teams teams;

    @Test
    void commitmentIsAcceptedHandedOverDeliveredAndVerifiedThroughItsTasksWithEachMailSentOnce() throws Exception {
        String accountName = "Promise " + UUID.randomUUID();
        long accountId = accountOf("rob", accountName);
        long commitmentId = promise("rob", accountId, "SSO guide", "rob", 20);

        Task accept = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_ACCEPT);
        assertThat(accept.getAssignee()).isEqualTo("rob");
        assertThat(commitments.findById(commitmentId).orElseThrow().getProcessInstanceKey())
                .isEqualTo(accept.getProcessInstanceKey());
        assertThat(complete("rob", accept, Map.of("decision", "accept"))).isEqualTo(HttpStatus.OK);
        awaitStatus(commitmentId, CommitmentStatus.ACCEPTED);
        Task robsDelivery = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_DELIVER);

        // a change made outside the process (as a handover does): the waiting delivery moves to the new owner
        long version = commitments.findById(commitmentId).orElseThrow().getVersion();
        assertThat(as("maria")
                        .exchange(
                                "/api/commitments/" + commitmentId + "/owner",
                                HttpMethod.PUT,
                                new HttpEntity<>(Map.of("ownerId", personId("rita"), "version", version)),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Task deliver = await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getProcessInstanceKey() == accept.getProcessInstanceKey()
                                        && "rita".equals(t.getAssignee()))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
        // rob's interrupted step leaves his inbox as soon as rita's arrives, not at its next lock renewal
        await().atMost(WAIT)
                .until(() -> tasks.findById(robsDelivery.getId()).orElseThrow().getStatus() == TaskStatus.CANCELED);
        assertThat(jdbc.queryForObject(
                        "select count(*) from event_publication where completion_date is null"
                                + " and event_type like '%CommitmentEvents$Changed' and serialized_event like ?",
                        Long.class, "%\"commitmentId\":" + commitmentId + ",%"))
                .as("the message went out")
                .isZero();

        assertThat(complete("rita", deliver, Map.of("decision", "deliver", "evidence", "https://docs/sso")))
                .isEqualTo(HttpStatus.OK);
        awaitStatus(commitmentId, CommitmentStatus.DELIVERED);
        Task verify = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_VERIFY);
        assertThat(verify.getCandidateGroups()).containsExactly("customer-success");
        as("cora").postForEntity("/api/tasks/" + verify.getId() + "/claim", null, Map.class);
        assertThat(complete("cora", verify, Map.of("decision", "verify"))).isEqualTo(HttpStatus.OK);
        awaitStatus(commitmentId, CommitmentStatus.VERIFIED);
        awaitProcessCompleted(accept.getProcessInstanceKey());

        dispatcher.dispatch();
        dispatcher.dispatch();
        // one mail per assignment: the commitment's own, no inbox "New task" beside it for accept or deliver;
        // none to rob, who gave it to himself
        assertThat(subjectsTo("rob", accountName))
                .containsExactly("Delivered, awaiting verification: \"SSO guide\" · " + accountName);
        assertThat(subjectsTo("rita", accountName))
                .containsExactly("Commitment assigned to you: \"SSO guide\" · " + accountName);
    }

    @Test
    void acceptingThroughTheApiMovesTheWaitingProcessOnToDelivery() throws Exception {
        // rob records it on his own account: a rep may not act on an account nobody owns
        long accountId = accountOf("rob", "Outside " + UUID.randomUUID());
        long commitmentId = promise("rob", accountId, "Price hold", "rob", 5);
        Task accept = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_ACCEPT);

        assertThat(as("rob")
                        .postForEntity("/api/commitments/" + commitmentId + "/accept", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        awaitOpenTask(commitmentId, CommitmentBpmn.TASK_DELIVER);
        assertThat(complete("rob", accept, Map.of("decision", "accept"))).isNotEqualTo(HttpStatus.OK);
        assertThat(commitments.findById(commitmentId).orElseThrow().getStatus()).isEqualTo(CommitmentStatus.ACCEPTED);
    }

    /**
     * Found by a hostile tester: the API refused cora giving a commitment to ravi (neither her team or
     * line nor the delivering team), but the "Assign owner" step did it, and the process applied it as
     * "system". The step now asks the API's rule of the person answering, at newOwnerUsername.
     */
    @Test
    void theAssignOwnerStepGivesTheCommitmentOnlyToSomeoneTheAnsweringPersonMayGiveWorkTo() {
        long accountId = accountOf("rob", "Unowned " + UUID.randomUUID());
        long commitmentId = unownedCustomerSuccessPromise(accountId);
        Task assign = assignOwnerStepClaimedByCora(commitmentId);

        assertGivingItToRaviIsRefused(
                "cora",
                assign,
                commitmentId,
                "Ravi Shankar is neither in Cora Lindqvist's team or line nor in the delivering team");

        // her own team: the same step, answered again, goes through
        assertThat(complete("cora", assign, Map.of("decision", "assign", "newOwnerUsername", "colin")))
                .isEqualTo(HttpStatus.OK);
        awaitOwner(commitmentId, "colin");
        // and the audit trail says who gave it, not "system"
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("commitment", commitmentId))
                .filteredOn(e -> e.getAction().equals("commitment.reassigned"))
                .singleElement()
                .satisfies(e -> assertThat(e.getActor()).isEqualTo("cora"));
    }

    /**
     * Session 43's probe: the step's type-ahead for the new owner offered anyone who could take work (Ravi,
     * of sales, among them), and its answer then refused those the person answering may not give work to;
     * and the commitment's and the task's pages named the delivering team by its key.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theAssignOwnerStepOffersExactlyWhomItsAnswerAcceptsAndItsPagesNameTheTeam() {
        long accountId = accountOf("rob", "Offered " + UUID.randomUUID());
        long commitmentId = unownedCustomerSuccessPromise(accountId);
        Task assign = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_ASSIGN_OWNER);

        String commitmentPage = SignedIn.as(http, "cora").getForObject("/commitments/" + commitmentId, String.class);
        assertThat(commitmentPage)
                .containsPattern("Delivering team</dt><dd[^>]*>Customer Success</dd>")
                .contains("offered to Customer Success")
                .doesNotContain("offered to customer-success");
        assertThat(SignedIn.as(http, "cora").getForObject("/commitments", String.class))
                .doesNotContain(">customer-success</td>");
        assertThat(SignedIn.as(http, "cora").getForObject("/tasks/" + assign.getId(), String.class))
                .contains("team Customer Success")
                .doesNotContain("team customer-success");

        assertThat(post("cora", assign, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);
        String taskPage = SignedIn.as(http, "cora").getForObject("/tasks/" + assign.getId(), String.class);
        assertThat(taskPage)
                .containsPattern("data-people-picker-for=\"field-newOwnerUsername\"[^>]*data-purpose=\"assign\"")
                .contains("data-team=\"customer-success\"");
        String suggestions = "/api/people/suggestions?purpose=assign&team=customer-success&q=";
        assertThat((List<Map<String, Object>>) as("cora").getForObject(suggestions + "ravi", List.class))
                .as("the answer refuses Ravi: he is not offered")
                .isEmpty();
        assertGivingItToRaviIsRefused(
                "cora",
                assign,
                commitmentId,
                "Ravi Shankar is neither in Cora Lindqvist's team or line nor in the delivering team");
        assertThat((List<Map<String, Object>>) as("cora").getForObject(suggestions + "colin", List.class))
                .extracting(p -> p.get("username"))
                .containsExactly("colin");
        assertThat(complete("cora", assign, Map.of("decision", "assign", "newOwnerUsername", "colin")))
                .isEqualTo(HttpStatus.OK);
        assertThat(as("cora")
                        .getForEntity("/api/people/suggestions?purpose=assign&team=no-such-team", Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /**
     * Found by a probe: the step asked for "Owner (user name, active)" and answered a full name with
     * "nobody is called 'Cora Lindqvist'". It takes a user name, an e-mail address or a full name; a
     * name two active people share is refused, listing both with their user names.
     */
    @Test
    void theAssignOwnerStepTakesTheOwnerByFullNameAndListsThePeopleAnAmbiguousNameCouldMean() {
        long accountId = accountOf("rob", "By name " + UUID.randomUUID());
        long commitmentId = unownedCustomerSuccessPromise(accountId);
        Task assign = assignOwnerStepClaimedByCora(commitmentId);
        assertThat(SignedIn.as(http, "cora").getForObject("/tasks/" + assign.getId(), String.class))
                .contains(">Owner *</label>", "their user name or their e-mail address")
                .doesNotContain("user name, active")
                .as("the owner field offers, as one types, whom the answer may name (F11)")
                .contains("data-people-picker-for=\"field-newOwnerUsername\" data-purpose=\"assign\"");
        String shared = "Sam Twin " + UUID.randomUUID().toString().substring(0, 8);
        String first = activePersonCalled(shared);
        String second = activePersonCalled(shared);

        ResponseEntity<Map> ambiguous = as("cora")
                .postForEntity(
                        "/api/tasks/" + assign.getId() + "/complete",
                        Map.of("decision", "assign", "newOwnerUsername", " " + shared.toLowerCase() + " "),
                        Map.class);

        assertThat(ambiguous.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(ambiguous))
                .containsOnlyKeys("newOwnerUsername")
                .extractingByKey("newOwnerUsername")
                .asString()
                .contains(shared + " (" + first + ")", shared + " (" + second + ")");
        assertThat(tasks.findById(assign.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);

        String colinsName = jdbc.queryForObject("select full_name from person where username = 'colin'", String.class);
        assertThat(complete("cora", assign, Map.of("decision", "assign", "newOwnerUsername", colinsName)))
                .isEqualTo(HttpStatus.OK);
        awaitOwner(commitmentId, "colin");
    }

    /**
     * Session 43's probe: customer success had two "New task for Customer Success: Assign owner · Harrowgate
     * Building Society" mails, for two commitments of one account; the second looked like a duplicate. The
     * subject quotes each commitment's first words, as the commitment's own mails do.
     */
    @Test
    void theNewTaskMailsOfTwoCommitmentsOfOneAccountSayWhichCommitmentEachIsAbout() throws Exception {
        String accountName = "Two promises " + UUID.randomUUID();
        long accountId = accountOf("rob", accountName);
        long onboarding = unownedCustomerSuccessPromise(accountId);
        long review = unownedCustomerSuccessPromise(
                accountId, "Quarterly business review with the executive team and the new procurement lead", 12);
        awaitOpenTask(onboarding, CommitmentBpmn.TASK_ASSIGN_OWNER);
        awaitOpenTask(review, CommitmentBpmn.TASK_ASSIGN_OWNER);

        dispatcher.dispatch();

        assertThat(subjectsTo("cora", accountName))
                .containsExactlyInAnyOrder(
                        "New task for Customer Success: Assign owner · \"Onboarding plan\" · " + accountName,
                        "New task for Customer Success: Assign owner · \"Quarterly business review with the executive"
                                + " team…\" · " + accountName);
    }

    /** The unowned commitment's "Assign owner" step, claimed by cora of customer success. */
    private Task assignOwnerStepClaimedByCora(long commitmentId) {
        Task assign = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_ASSIGN_OWNER);
        assertThat(post("cora", assign, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);
        return assign;
    }

    private void awaitOwner(long commitmentId, String username) {
        long id = personId(username);
        await().atMost(WAIT).until(() -> {
            var owner = commitments.findById(commitmentId).orElseThrow().getOwner();
            return owner != null && owner.getId() == id;
        });
    }

    /** A new active person in sales EMEA reporting to {@code manager}, with one role; their user name. */
    private String reportOf(String manager, String fullName, String role) {
        String username = "line-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<Map> created = as("ada")
                .postForEntity(
                        "/api/people",
                        Map.of(
                                "username",
                                username,
                                "email",
                                username + "@line.example",
                                "fullName",
                                fullName + " " + username,
                                "password",
                                "secret-password-1",
                                "roles",
                                List.of(role),
                                "teamId",
                                teams.findByKey("sales-emea").orElseThrow().getId(),
                                "managerId",
                                personId(manager)),
                        Map.class);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return username;
    }

    /** A new active rep called {@code fullName}; their user name. */
    private String activePersonCalled(String fullName) {
        String username = "twin-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<Map> created = as("ada")
                .postForEntity(
                        "/api/people",
                        Map.of(
                                "username",
                                username,
                                "email",
                                username + "@twins.example",
                                "fullName",
                                fullName,
                                "password",
                                "secret-password-1",
                                "roles",
                                List.of("REP")),
                        Map.class);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return username;
    }

    /**
     * Found by a hostile probe: every change a person decided in a commitment step (accept, deliver,
     * verify…) was audited as made by "system"; only task.completed named them. The change's own
     * record now names the person who answered the step.
     */
    @Test
    void aDecisionTakenInAStepIsAuditedInTheNameOfThePersonWhoAnsweredIt() {
        long accountId = accountOf("rob", "Audited " + UUID.randomUUID());
        long commitmentId = promise("rob", accountId, "Data export", "rob", 20);

        assertThat(complete(
                        "rob", awaitOpenTask(commitmentId, CommitmentBpmn.TASK_ACCEPT), Map.of("decision", "accept")))
                .isEqualTo(HttpStatus.OK);
        awaitStatus(commitmentId, CommitmentStatus.ACCEPTED);
        Task deliver = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_DELIVER);
        assertThat(complete("rob", deliver, Map.of("decision", "deliver", "evidence", "https://docs/export")))
                .isEqualTo(HttpStatus.OK);
        awaitStatus(commitmentId, CommitmentStatus.DELIVERED);
        Task verify = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_VERIFY);
        assertThat(post("cora", verify, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(complete("cora", verify, Map.of("decision", "verify"))).isEqualTo(HttpStatus.OK);
        awaitStatus(commitmentId, CommitmentStatus.VERIFIED);

        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("commitment", commitmentId))
                .filteredOn(e -> e.getAction().matches("commitment\\.(accepted|delivered|verified)"))
                .extracting(e -> e.getAction(), e -> e.getActor())
                .containsExactly(
                        tuple("commitment.accepted", "rob"),
                        tuple("commitment.delivered", "rob"),
                        tuple("commitment.verified", "cora"));
    }

    /**
     * Found by a hostile probe: cora delegated the "Assign owner" step to ravi (a sales rep, outside
     * customer success), and ravi answered it by giving the commitment to himself, which the API
     * refuses him (only customer success, managers and admins give a commitment an owner). Answering
     * the step now asks the API's own rule of whoever answers, however the task reached them.
     */
    @Test
    void aDelegatedAssignOwnerStepLetsItsDelegateGiveTheCommitmentOnlyAsTheApiWould() {
        long accountId = accountOf("rob", "Delegated " + UUID.randomUUID());
        long commitmentId = unownedCustomerSuccessPromise(accountId);
        Task assign = assignOwnerStepClaimedByCora(commitmentId);
        assertThat(as("cora")
                        .postForEntity("/api/tasks/" + assign.getId() + "/delegate", Map.of("to", "ravi"), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // the API's answer to the same request
        long version = commitments.findById(commitmentId).orElseThrow().getVersion();
        assertThat(as("ravi")
                        .exchange(
                                "/api/commitments/" + commitmentId + "/owner",
                                HttpMethod.PUT,
                                new HttpEntity<>(Map.of("ownerId", personId("ravi"), "version", version)),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertGivingItToRaviIsRefused(
                "ravi", assign, commitmentId, "Ravi Shankar may not give commitment \"Onboarding plan\" an owner");
    }

    /**
     * Found by a probe: a delegate of a commitment step could verify, breach or cancel the commitment
     * through it where the API refuses them. Delivering through a delegated "Deliver" step is the work
     * the step hands out; verifying is reserved (customer success, managers, admins), and the step now
     * asks the API's rule of whoever answers it.
     */
    @Test
    void aDelegateDeliversThroughTheStepButVerifiesOnlyAsTheApiWould() {
        long accountId = accountOf("rob", "Delegated delivery " + UUID.randomUUID());
        long commitmentId = promise("rob", accountId, "Renewal deck", "rob", 20);
        as("rob").postForEntity("/api/commitments/" + commitmentId + "/accept", null, Map.class);
        awaitStatus(commitmentId, CommitmentStatus.ACCEPTED);
        Task deliver = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_DELIVER);
        assertThat(delegate("rob", deliver, "rita")).isEqualTo(HttpStatus.OK);
        assertThat(complete("rita", deliver, Map.of("decision", "deliver", "evidence", "https://docs/deck")))
                .isEqualTo(HttpStatus.OK);
        awaitStatus(commitmentId, CommitmentStatus.DELIVERED);
        Task verify = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_VERIFY);
        assertThat(post("cora", verify, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(delegate("cora", verify, "rita")).isEqualTo(HttpStatus.OK);
        assertThat(as("rita")
                        .postForEntity("/api/commitments/" + commitmentId + "/verify", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertDecisionIsRefused(
                "rita",
                verify,
                Map.of("decision", "verify"),
                commitmentId,
                CommitmentStatus.DELIVERED,
                "Rita Okafor may not verify commitment \"Renewal deck\": only customer success, managers and admins");
    }

    @Test
    void aDelegateOfTheRenegotiateStepMayNotCancelWhatTheApiRefusesThem() {
        long accountId = accountOf("rob", "Delegated cancel " + UUID.randomUUID());
        long commitmentId = promise("rob", accountId, "Custom report", "rob", 20);
        as("rob")
                .postForEntity(
                        "/api/commitments/" + commitmentId + "/reject", Map.of("reason", "not in scope"), Map.class);
        awaitStatus(commitmentId, CommitmentStatus.REJECTED);
        Task renegotiate = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_RENEGOTIATE);
        assertThat(delegate("rob", renegotiate, "rita")).isEqualTo(HttpStatus.OK);
        assertThat(as("rita")
                        .postForEntity(
                                "/api/commitments/" + commitmentId + "/cancel", Map.of("reason", "gone"), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertDecisionIsRefused(
                "rita",
                renegotiate,
                Map.of("decision", "cancel", "reason", "gone"),
                commitmentId,
                CommitmentStatus.REJECTED,
                "Rita Okafor may not cancel commitment \"Custom report\"");
    }

    /**
     * Found by a probe: the API refuses a description over 4,000 characters, but the "Renegotiate
     * commitment" step took one of 5,000 and made it the commitment's, and the renegotiation's audit
     * entry did not say what the new terms were. The step now holds the new description to a new
     * commitment's limit, refusing it at its field while the step stays open; the audit records the
     * description and due date before and after.
     */
    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aRenegotiationHoldsItsNewDescriptionToANewCommitmentsLimitAndAuditsTheTermsBeforeAndAfter() {
        long accountId = accountOf("rob", "Renegotiated " + UUID.randomUUID());
        long commitmentId = promise("rob", accountId, "Custom report", "rob", 20);
        LocalDate dueBefore = commitments.findById(commitmentId).orElseThrow().getDueDate();
        as("rob")
                .postForEntity(
                        "/api/commitments/" + commitmentId + "/reject", Map.of("reason", "not in scope"), Map.class);
        awaitStatus(commitmentId, CommitmentStatus.REJECTED);
        Task renegotiate = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_RENEGOTIATE);
        String newDue = LocalDate.now().plusDays(40).toString();
        // what the API answers a new commitment with such a description
        assertThat(errors(as("rob")
                        .postForEntity(
                                "/api/commitments",
                                Map.of(
                                        "accountId",
                                        accountId,
                                        "description",
                                        "x".repeat(Commitment.DESCRIPTION_MAX + 1),
                                        "dueDate",
                                        newDue),
                                Map.class)))
                .containsEntry("description", "must be at most 4,000 characters");

        for (Map<String, Object> answer : List.of(
                Map.<String, Object>of(
                        "decision",
                        "renegotiate",
                        "newDueDate",
                        newDue,
                        "newDescription",
                        "x".repeat(Commitment.DESCRIPTION_MAX + 1)),
                Map.<String, Object>of(
                        "decision", "renegotiate", "newDueDate", newDue, "newDescription", "x".repeat(5000)))) {
            ResponseEntity<Map> refused =
                    as("rob").postForEntity("/api/tasks/" + renegotiate.getId() + "/complete", answer, Map.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(refused)).containsOnly(Map.entry("newDescription", "must be at most 4,000 characters"));
        }
        // a reason the API would refuse too (it is kept with the answer)
        ResponseEntity<Map> longReason = as("rob")
                .postForEntity(
                        "/api/tasks/" + renegotiate.getId() + "/complete",
                        Map.of("decision", "cancel", "reason", "y".repeat(Commitment.NOTE_MAX + 1)),
                        Map.class);
        assertThat(longReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(longReason)).containsOnlyKeys("reason");

        assertThat(tasks.findById(renegotiate.getId()).orElseThrow().getStatus())
                .isEqualTo(TaskStatus.OPEN);
        Commitment unchanged = commitments.findById(commitmentId).orElseThrow();
        assertThat(unchanged.getStatus()).isEqualTo(CommitmentStatus.REJECTED);
        assertThat(unchanged.getDescription()).isEqualTo("Custom report");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("commitment", commitmentId))
                .extracting(e -> e.getAction())
                .doesNotContain("commitment.renegotiated", "commitment.cancelled");

        String longest = "z".repeat(Commitment.DESCRIPTION_MAX);
        assertThat(complete(
                        "rob",
                        renegotiate,
                        Map.of("decision", "renegotiate", "newDueDate", newDue, "newDescription", longest)))
                .isEqualTo(HttpStatus.OK);
        awaitStatus(commitmentId, CommitmentStatus.PROPOSED);
        assertThat(commitments.findById(commitmentId).orElseThrow().getDescription())
                .isEqualTo(longest);
        List<Map> history =
                List.of(as("rob").getForObject("/api/commitments/" + commitmentId + "/history", Map[].class));
        assertThat(history)
                .filteredOn(e -> "commitment.renegotiated".equals(e.get("action")))
                .singleElement()
                .satisfies(e -> {
                    assertThat((Map<String, Object>) e.get("before"))
                            .containsEntry("description", "Custom report")
                            .containsEntry("dueDate", dueBefore.toString());
                    assertThat((Map<String, Object>) e.get("after"))
                            .containsEntry("description", longest)
                            .containsEntry("dueDate", newDue)
                            .containsEntry("status", "PROPOSED");
                });
    }

    /** A reschedule's audit entry says from which date to which. */
    @Test
    void aRescheduleAuditsTheDueDateBeforeAndAfter() {
        long commitmentId = acceptedByRob("Rescheduled audit " + UUID.randomUUID(), "Security review", 10);
        LocalDate before = commitments.findById(commitmentId).orElseThrow().getDueDate();
        LocalDate after = before.plusDays(7);

        reschedule(commitmentId, after, "customer asked for a week");

        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("commitment", commitmentId))
                .filteredOn(e -> e.getAction().equals("commitment.rescheduled"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getBeforeState()).containsEntry("dueDate", before.toString());
                    assertThat(e.getAfterState())
                            .containsEntry("dueDate", after.toString())
                            .containsEntry("reason", "customer asked for a week")
                            .doesNotContainKey("description");
                });
    }

    @Test
    void wonDealIsHandedToCustomerSuccessByItsRepWithTheRepKeptOnTheAccountTeam() throws Exception {
        String name = "Won " + UUID.randomUUID();
        long accountId = accountOf("rob", name);
        assertThat(as("rita")
                        .postForEntity("/api/accounts/" + accountId + "/handoff-to-cs", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        long instance = ((Number) as("rob")
                        .postForObject("/api/accounts/" + accountId + "/handoff-to-cs", null, Map.class)
                        .get("processInstanceKey"))
                .longValue();
        // a second start names the account (found by a probe: "handoff of account 13 is already running")
        ResponseEntity<Map> again =
                as("rob").postForEntity("/api/accounts/" + accountId + "/handoff-to-cs", null, Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) again.getBody().get("detail"))
                .startsWith("a sales-to-CS handoff of " + name + " is already running (since ")
                .endsWith("): another can start once customer success has taken the account over");

        Task list = awaitTaskOf(instance);
        assertThat(list.getAssignee()).isEqualTo("rob");
        assertThat(complete("rob", list, Map.of("listComplete", true))).isEqualTo(HttpStatus.OK);
        Task kickoff = awaitTask(instance, HandoffBpmn.TASK_KICKOFF);
        // while it runs, the account page offers no second start (found by the session 40 probe)
        assertThat(SignedIn.as(http, "rob").getForObject("/accounts/" + accountId, String.class))
                .contains("A sales-to-CS handoff has been running since")
                .doesNotContain("Start the sales-to-CS handoff");
        as("cora").postForEntity("/api/tasks/" + kickoff.getId() + "/claim", null, Map.class);
        assertThat(complete(
                        "cora",
                        kickoff,
                        Map.of("csOwnerUsername", "cora", "kickoffNotes", "Kickoff held; Eve to send phone number.")))
                .isEqualTo(HttpStatus.OK);

        awaitProcessCompleted(instance);
        Map account = as("cora").getForObject("/api/accounts/" + accountId, Map.class);
        assertThat(account.get("ownerUsername")).isEqualTo("cora");
        // the start and the kickoff's notes are on the account's story, in their people's names; the page offers
        // no handoff of an account customer success took over by one
        List<Map> timeline = (List<Map>) as("cora")
                .getForObject("/api/accounts/" + accountId + "/timeline", Map.class)
                .get("content");
        assertThat(timeline)
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("who", "Rob Jansen")
                        .containsEntry(
                                "summary",
                                "Rob Jansen started the sales-to-CS handoff: Rob Jansen lists the sale's promises,"
                                        + " each team accepts them, then customer success takes the account"))
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("who", "Cora Lindqvist")
                        .containsEntry(
                                "summary", "Note: Sales-to-CS kickoff: Kickoff held; Eve to send phone number."));
        assertThat(audit.findByAccountIdOrderByAt(accountId))
                .last()
                .satisfies(e -> assertThat(e.getAction()).isEqualTo("account.handed-to-cs"))
                .satisfies(e -> assertThat(e.getAfterState()).containsEntry("accountTeamAdded", "rob"));

        // once it ended, another may start (a new deal after the account came back to sales): the page offers it
        // and the API starts it, one rule for both (session 41's probe: the page offered none, the API started one)
        assertThat(SignedIn.as(http, "cora").getForObject("/accounts/" + accountId, String.class))
                .contains(
                        "Handed to customer success by the sales-to-CS handoff on",
                        "Start another sales-to-CS handoff");
        ResponseEntity<Map> second =
                as("cora").postForEntity("/api/accounts/" + accountId + "/handoff-to-cs", null, Map.class);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(SignedIn.as(http, "cora").getForObject("/accounts/" + accountId, String.class))
                .contains("A sales-to-CS handoff has been running since")
                .doesNotContain("Start another sales-to-CS handoff", "Start the sales-to-CS handoff");
        ResponseEntity<Map> third =
                as("cora").postForEntity("/api/accounts/" + accountId + "/handoff-to-cs", null, Map.class);
        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) third.getBody().get("detail")).contains("is already running (since ");
        assertThat(jdbc.queryForObject(
                        "select count(*) from sales_handoff where account_id = ?", Long.class, accountId))
                .isEqualTo(2);
    }

    @Test
    void aHandoffTheUnreachableEngineDidNotStartIsA503LeavesNoneRunningAndItsRowIsNotLockedDuringTheCall() {
        long accountId = accountOf("rob", "Won " + UUID.randomUUID());
        String start = "/api/accounts/" + accountId + "/handoff-to-cs";
        List<Long> lockableDuringTheCall = new java.util.ArrayList<>();
        doAnswer(call -> {
                    lockableDuringTheCall.addAll(jdbc.queryForList(
                            "select id from sales_handoff where account_id = ? for update nowait",
                            Long.class,
                            accountId));
                    throw new EngineUnavailableException(
                            "starting sales-to-cs-handoff", new IllegalStateException("connection refused"));
                })
                .doCallRealMethod()
                .when(handoffProcess)
                .start(eq(accountId), any(), any());

        // Apache HttpClient, behind the tests' TestRestTemplate, waits out a 503's Retry-After and sends the
        // request again by itself: the JDK's client shows the answer as it came
        TestRestTemplate once = new TestRestTemplate(new RestTemplateBuilder()
                        .rootUri(http.getRootUri())
                        .requestFactory(JdkClientHttpRequestFactory.class))
                .withBasicAuth("rob", "demo");
        ResponseEntity<Map> refused = once.postForEntity(start, null, Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        assertThat(refused.getBody())
                .containsEntry("title", "Engine unavailable")
                .containsEntry(
                        "detail",
                        "the process engine is not reachable, so starting sales-to-cs-handoff did not happen;"
                                + " try again in a moment");
        assertThat(lockableDuringTheCall)
                .as("the claim was committed before the call")
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from sales_handoff where account_id = ?", Integer.class, accountId))
                .as("the failed start let its claim go")
                .isZero();

        assertThat(as("rob").postForEntity(start, null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(as("rob").postForEntity(start, null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void reminderEscalationAndRejectionMailsAreQueuedOnceEvenWhenTheirStepRunsTwice() throws Exception {
        String accountName = "Mails " + UUID.randomUUID();
        long accountId = accountOf("rob", accountName);
        long accepted = promise("rob", accountId, "Training days", "rob", 2);
        as("rob").postForEntity("/api/commitments/" + accepted + "/accept", null, Map.class);
        // made by rob's manager (a teammate not on the account may not record on it): the rejection goes back to her
        long rejected = promise("maria", accountId, "Free pilot", "rob", 9);

        for (int delivery = 0; delivery < 2; delivery++) { // a job delivered twice
            steps.remind(accepted);
            steps.escalate(accepted);
        }
        as("rob")
                .postForEntity("/api/commitments/" + rejected + "/reject", Map.of("reason", "not in scope"), Map.class);
        dispatcher.dispatch();

        assertThat(subjectsTo("rob", accountName))
                .filteredOn(s -> !s.startsWith("Commitment assigned"))
                .containsExactly("Reminder: commitment \"Training days\" due "
                        + LocalDate.now()
                                .plusDays(2)
                                .format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH))
                        + " · " + accountName);
        assertThat(subjectsTo("maria", accountName))
                .containsExactlyInAnyOrder(
                        "Overdue commitment: \"Training days\" · " + accountName,
                        "Commitment rejected: \"Free pilot\" · " + accountName);
    }

    /**
     * Found by the session 38 review: two commitments of one account due the same day were reminded and escalated
     * under one subject ("Reminder: commitment due ... · Acme"), so nobody could tell the two mails apart without
     * opening them. Each subject now quotes its commitment's first words, on one line and cut short.
     */
    @Test
    void twoCommitmentsOfOneAccountDueTheSameDayAreMailedUnderSubjectsThatTellThemApart() throws Exception {
        String accountName = "Twins " + UUID.randomUUID();
        long accountId = accountOf("rob", accountName);
        long guide = promise("rob", accountId, "SSO guide", "rob", 2);
        long report = promise(
                "rob",
                accountId,
                "Pen test report\nwith the remediation plan for every finding the auditors raised",
                "rob",
                2);
        for (long id : List.of(guide, report)) {
            as("rob").postForEntity("/api/commitments/" + id + "/accept", null, Map.class);
            awaitStatus(id, CommitmentStatus.ACCEPTED);
            steps.remind(id);
            steps.escalate(id);
        }
        dispatcher.dispatch();

        String due = day(LocalDate.now().plusDays(2));
        String reportWords = "\"Pen test report with the remediation plan for…\"";
        assertThat(subjectsTo("rob", accountName))
                .filteredOn(s -> s.startsWith("Reminder"))
                .containsExactlyInAnyOrder(
                        "Reminder: commitment \"SSO guide\" due " + due + " · " + accountName,
                        "Reminder: commitment " + reportWords + " due " + due + " · " + accountName);
        assertThat(subjectsTo("maria", accountName))
                .containsExactlyInAnyOrder(
                        "Overdue commitment: \"SSO guide\" · " + accountName,
                        "Overdue commitment: " + reportWords + " · " + accountName);
    }

    @Test
    void noDueSoonReminderGoesOutOnceTheDueDayHasEnded() throws Exception {
        String accountName = "Late " + UUID.randomUUID();
        // due far ahead, so the process's own reminder timer stays quiet while the test moves the date
        long late = acceptedByRob(accountName, "Quarterly review", 30);
        // as for a commitment accepted after its due date: the deliver step's reminder timer is past too
        jdbc.update(
                "update commitment set due_date = ? where id = ?",
                LocalDate.now().minusDays(2),
                late);

        steps.remind(late);
        steps.escalate(late);
        dispatcher.dispatch();

        assertThat(subjectsTo("rob", accountName)).noneMatch(s -> s.startsWith("Reminder"));
        assertThat(subjectsTo("maria", accountName))
                .containsExactly("Overdue commitment: \"Quarterly review\" · " + accountName);
    }

    /**
     * A reminder job that reads the commitment while a reschedule is being committed waits for it (the
     * row's share lock), then reminds of the new date. Without the wait it read the old date and could
     * queue its mail after the reschedule had withdrawn the old date's mails (seen in a suite run).
     */
    @Test
    void aReminderArrivingWhileARescheduleIsCommittedWaitsForItAndNamesTheNewDate() throws Exception {
        String accountName = "Moving " + UUID.randomUUID();
        long moving = acceptedByRob(accountName, "Data migration", 2);
        LocalDate first = commitments.findById(moving).orElseThrow().getDueDate();
        LocalDate sooner = first.minusDays(1);
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> reminder =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean doneWhileUncommitted =
                new java.util.concurrent.atomic.AtomicBoolean();
        // record() demands its caller's transaction, also when it is only being stubbed
        new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .executeWithoutResult(stubbing -> {
                    doAnswer(call -> {
                                Object recorded = call.callRealMethod();
                                if ("commitment.rescheduled".equals(call.getArgument(0)) && reminder.get() == null) {
                                    // the reschedule has written the new date and holds the row, uncommitted
                                    reminder.set(java.util.concurrent.CompletableFuture.runAsync(
                                            () -> steps.remind(moving)));
                                    try {
                                        reminder.get().get(1, java.util.concurrent.TimeUnit.SECONDS);
                                        doneWhileUncommitted.set(true);
                                    } catch (java.util.concurrent.TimeoutException waiting) {
                                        // as it should: it waits for the reschedule
                                    }
                                }
                                return recorded;
                            })
                            .when(auditLog)
                            .record(eq("commitment.rescheduled"), any(), any(), any(), any(), any());
                });

        reschedule(moving, sooner, "the customer wants it earlier");
        reminder.get().get(30, java.util.concurrent.TimeUnit.SECONDS);
        dispatcher.dispatch();

        assertThat(doneWhileUncommitted)
                .as("the reminder ran before the reschedule committed")
                .isFalse();
        assertThat(subjectsTo("rob", accountName))
                .noneMatch(s -> s.startsWith("Reminder") && s.contains(day(first)))
                .anyMatch(s -> s.startsWith("Reminder") && s.contains(day(sooner)));
    }

    /**
     * A handover moves an owner's waiting step without telling the process
     * ({@link CommitmentService#ownerStepCanMove}), so the process still holds the old owner's manager:
     * the escalation step hands the overdue decision the manager of whoever owns it when it falls due.
     */
    @Test
    void theOverdueDecisionGoesToTheManagerOfWhoeverOwnsTheCommitmentWhenItFallsDue() throws Exception {
        long late = acceptedByRob("Escalated " + UUID.randomUUID(), "Quarterly review", 30);
        assertThat(workers.escalate(late)).containsEntry(CommitmentBpmn.Variables.ESCALATE_TO_USERNAME, "maria");

        jdbc.update(
                "update commitment set owner_id = (select id from person where username = 'ravi') where id = ?", late);

        assertThat(workers.escalate(late)).containsEntry(CommitmentBpmn.Variables.ESCALATE_TO_USERNAME, "marcus");
    }

    /**
     * Found by the session 41 review: the overdue decision went to the owner's manager even once deactivated,
     * whose mail is not sent, so nobody heard of it. It goes to the next active manager up the owner's line.
     */
    @Test
    void theOverdueDecisionSkipsADeactivatedManagerForTheNextOneUpTheOwnersLine() throws Exception {
        String lead = reportOf("maria", "Lena Lead", "MANAGER");
        String owner = reportOf(lead, "Otto Owner", "REP");
        String accountName = "Skipped " + UUID.randomUUID();
        long late = promise("rob", accountOf("rob", accountName), "Quarterly review", owner, 30);
        jdbc.update("update person set active = false where username = ?", lead);

        assertThat(workers.escalate(late)).containsEntry(CommitmentBpmn.Variables.ESCALATE_TO_USERNAME, "maria");
        dispatcher.dispatch();
        assertThat(subjectsTo("maria", accountName))
                .containsExactly("Overdue commitment: \"Quarterly review\" · " + accountName);
    }

    @Test
    void aRescheduleWithdrawsTheDueSoonAndOverdueMailsStillWaitingForTheOldDate() throws Exception {
        String accountName = "Moved " + UUID.randomUUID();
        long moved = acceptedByRob(accountName, "Data migration", 2);
        LocalDate first = commitments.findById(moved).orElseThrow().getDueDate();
        // the reminder and escalation steps have just queued their mails (the tests' dispatcher is off:
        // they wait, as they would for the seconds until the next dispatch)
        steps.remind(moved);
        steps.escalate(moved);
        // a day earlier than promised: still due soon, so the new date has its own reminder
        LocalDate sooner = first.minusDays(1);

        reschedule(moved, sooner, "the customer wants it earlier");
        dispatcher.dispatch();

        // the process's own reminder for the new date may already be out: only the old date's are gone
        assertThat(subjectsTo("rob", accountName)).noneMatch(s -> s.startsWith("Reminder") && s.contains(day(first)));
        assertThat(subjectsTo("maria", accountName)).isEmpty();
        // the new date's reminder is its own mail, and goes out once however often it is asked for
        steps.remind(moved);
        dispatcher.dispatch();
        assertThat(subjectsTo("rob", accountName))
                .filteredOn(s -> s.startsWith("Reminder"))
                .containsExactly("Reminder: commitment \"Data migration\" due " + day(sooner) + " · " + accountName);
    }

    @Test
    void aReminderForADateNoLongerSoonIsNotSent() throws Exception {
        String accountName = "Later " + UUID.randomUUID();
        long moved = acceptedByRob(accountName, "Data migration", 2);
        LocalDate later = LocalDate.now().plusDays(30);
        reschedule(moved, later, "not ready");

        // the old date's reminder job, arriving after the reschedule: 30 days away is not "due soon"
        steps.remind(moved);
        dispatcher.dispatch();

        assertThat(subjectsTo("rob", accountName)).noneMatch(s -> s.startsWith("Reminder"));
    }

    private static String day(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH));
    }

    @Test
    void aCommitmentRescheduledAwayAndBackIsRemindedAgainForItsFirstDate() throws Exception {
        String accountName = "Back " + UUID.randomUUID();
        long moved = acceptedByRob(accountName, "Data migration", 2);
        LocalDate first = commitments.findById(moved).orElseThrow().getDueDate();
        steps.remind(moved); // waits in the outbox (the tests' dispatcher is off)

        reschedule(moved, first.plusDays(30), "not ready");
        reschedule(moved, first, "ready after all");
        // the process reminds again for the first date; the job arrives twice
        steps.remind(moved);
        steps.remind(moved);
        dispatcher.dispatch();

        assertThat(subjectsTo("rob", accountName))
                .filteredOn(s -> s.startsWith("Reminder"))
                .containsExactly("Reminder: commitment \"Data migration\" due "
                        + first.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH)) + " · "
                        + accountName);
    }

    @Test
    void anEscalationDeliveredAgainAfterTheCommitmentWasDeliveredMailsNobody() throws Exception {
        String accountName = "Done " + UUID.randomUUID();
        long done = acceptedByRob(accountName, "Data migration", 2);
        steps.escalate(done); // waits in the outbox

        // delivery withdraws the waiting escalation, which then no longer holds its key
        commitmentService.deliver(
                done,
                "https://docs/migration",
                commitments.findById(done).orElseThrow().getVersion());
        steps.escalate(done);
        dispatcher.dispatch();

        assertThat(subjectsTo("maria", accountName)).isEmpty();
    }

    @Test
    void aCommitmentCancelledBeforeItsMailWentOutMailsNobodyAndNobodyIsMailedAboutWhatTheyDidThemselves()
            throws Exception {
        String accountName = "Withdrawn " + UUID.randomUUID();
        long accountId = accountOf("rob", accountName);
        long cancelled = promise("rob", accountId, "Onsite training", "rita", 20);
        as("rob")
                .postForEntity(
                        "/api/commitments/" + cancelled + "/cancel",
                        Map.of("reason", "customer withdrew", "version", 0),
                        Map.class);
        awaitStatus(cancelled, CommitmentStatus.CANCELLED);
        promise("rob", accountId, "Onsite training", "rob", 20);
        dispatcher.dispatch();

        assertThat(subjectsTo("rita", accountName)).isEmpty();
        assertThat(subjectsTo("rob", accountName)).isEmpty();
    }

    /**
     * Found by a hostile probe: rob rejected his own promise and was mailed "The delivering team
     * rejected a commitment you made"; maria rejected rita's and got that mail herself while rita got
     * nothing. Now the maker is told only when someone else rejects or delivers, by name.
     */
    @Test
    void theMakerIsToldByNameWhenSomeoneElseRejectsOrDeliversAndNobodyAboutWhatTheyDidThemselves() throws Exception {
        String robsName = "Own reject " + UUID.randomUUID();
        long robsAccount = accountOf("rob", robsName);
        long robs = promise("rob", robsAccount, "Free pilot", "rob", 20);
        reject("rob", robs);
        String ritasName = "Manager reject " + UUID.randomUUID();
        long ritasAccount = id(as("maria")
                .postForObject("/api/accounts", Map.of("name", ritasName, "ownerId", personId("rita")), Map.class));
        long ritas = promise("rita", ritasAccount, "Custom dashboard", "rita", 20);
        reject("maria", ritas);
        long delivered = promise("rita", ritasAccount, "Training plan", "rita", 20);
        acceptThenDeliver("rita", "maria", delivered);
        long selfDelivered = promise("rob", robsAccount, "Price sheet", "rob", 20);
        acceptThenDeliver("rob", "rob", selfDelivered);
        dispatcher.dispatch();

        assertThat(subjectsTo("rob", robsName))
                .as("he rejected and delivered his own")
                .isEmpty();
        assertThat(subjectsTo("maria", ritasName)).as("she rejected it herself").isEmpty();
        assertThat(subjectsTo("rita", ritasName))
                .containsExactlyInAnyOrder(
                        "Commitment rejected: \"Custom dashboard\" · " + ritasName,
                        "Delivered, awaiting verification: \"Training plan\" · " + ritasName);
        assertThat(textOf("commitment-rejected", ritas))
                .contains("Maria")
                .contains("rejected a commitment you made")
                .doesNotContain("delivering team");
        assertThat(textOf("commitment-delivered", delivered))
                .contains("Maria")
                .contains("marked a commitment you made delivered")
                .contains("will check with the customer");
    }

    /**
     * Found by a hostile probe: a rejected promise renegotiated by its maker came back to the owner's
     * inbox as a new Accept step, but nobody told the owner (the step sends no "New task" mail of its
     * own). The owner now gets one "New terms" mail, unless they renegotiated it themselves.
     */
    @Test
    void theOwnerIsToldOnceWhenARejectedPromiseComesBackWithNewTermsUnlessTheyRenegotiatedIt() throws Exception {
        String accountName = "New terms " + UUID.randomUUID();
        long accountId = accountOf("rob", accountName);
        long ritas = promise("rob", accountId, "Onsite workshop", "rita", 20);
        long robs = promise("rob", accountId, "Reference call", "rob", 20);
        for (long id : List.of(ritas, robs)) {
            String owner = id == ritas ? "rita" : "rob";
            assertThat(complete(
                            owner,
                            awaitOpenTask(id, CommitmentBpmn.TASK_ACCEPT),
                            Map.of("decision", "reject", "reason", "not this quarter")))
                    .isEqualTo(HttpStatus.OK);
            awaitStatus(id, CommitmentStatus.REJECTED);
            assertThat(complete(
                            "rob",
                            awaitOpenTask(id, CommitmentBpmn.TASK_RENEGOTIATE),
                            Map.of(
                                    "decision",
                                    "renegotiate",
                                    "newDescription",
                                    "Remote workshop",
                                    "newDueDate",
                                    LocalDate.now().plusDays(30).toString())))
                    .isEqualTo(HttpStatus.OK);
            awaitStatus(id, CommitmentStatus.PROPOSED);
        }
        Task again = awaitOpenTask(ritas, CommitmentBpmn.TASK_ACCEPT);
        assertThat(again.getAssignee()).isEqualTo("rita");
        awaitOpenTask(robs, CommitmentBpmn.TASK_ACCEPT);
        dispatcher.dispatch();
        dispatcher.dispatch();

        assertThat(subjectsTo("rita", accountName))
                .containsExactlyInAnyOrder(
                        "Commitment assigned to you: \"Onsite workshop\" · " + accountName,
                        "New terms for a commitment: \"Remote workshop\" · " + accountName);
        assertThat(textOf("commitment-renegotiated", ritas)).contains("Rob").contains("Remote workshop");
        assertThat(subjectsTo("rob", accountName))
                .as("rita's rejection comes back to him; his own rejection and renegotiation do not")
                .containsExactly("Commitment rejected: \"Onsite workshop\" · " + accountName);
    }

    /**
     * Found by a probe: a handover gave rita a delivered promise (awaiting the customer's verification)
     * and a rejected one (awaiting new terms), and both mails asked her to "Accept it in Baton, or
     * reject it with a reason", after "made to Zuiderzee Verzekeringen N.V..". The mail now asks for
     * what the commitment's status awaits, and ends its sentence once.
     */
    @Test
    void anAssignmentMailAsksForWhatTheCommitmentsStatusAwaitsAndEndsItsSentenceOnce() {
        String accountName = "Zuiderzee " + UUID.randomUUID() + " Verzekeringen N.V.";
        long accountId = accountOf("rob", accountName);
        long delivered = promise("rob", accountId, "Quarterly usage report", "rob", 20);
        acceptThenDeliver("rob", "rob", delivered);
        long rejected = promise("rob", accountId, "Price hold", "rob", 20);
        reject("rob", rejected);
        long accepted = promise("rob", accountId, "Admin training", "rob", 20);
        assertThat(as("rob")
                        .postForEntity("/api/commitments/" + accepted + "/accept", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        long proposed = promise("rob", accountId, "Onsite workshop", "rob", 20);

        for (long id : List.of(delivered, rejected, accepted, proposed)) {
            giveTo("rita", id);
        }

        String madeTo = "You now own a commitment made to " + accountName + " ";
        assertThat(textOf("commitment-assigned", delivered))
                .contains(
                        madeTo + "It was delivered and awaits the customer's confirmation: check with the customer"
                                + " that it was delivered as promised",
                        "How it was delivered: https://docs/" + delivered)
                .doesNotContain("N.V..", "Accept it");
        assertThat(textOf("commitment-assigned", rejected))
                .contains(
                        madeTo + "It was rejected and awaits new terms: agree new terms with the customer, or"
                                + " withdraw the promise in Baton.",
                        "Why it was rejected: not in scope")
                .doesNotContain("N.V..", "Accept it");
        assertThat(textOf("commitment-assigned", accepted))
                .contains(madeTo + "It is accepted: deliver it by its due date and mark it delivered in Baton.")
                .doesNotContain("Accept it");
        assertThat(textOf("commitment-assigned", proposed))
                .contains(madeTo + "Accept it in Baton, or reject it with a reason.");
        assertThat(jdbc.queryForObject(
                        "select html_body from outbox_message where dedup_key like ?",
                        String.class,
                        "commitment-assigned:" + delivered + ":%"))
                .contains("check with the customer")
                .doesNotContain("N.V..", "Accept it");
    }

    /**
     * Found by a probe: rita away, rob covering; maria recorded a promise owned by rita. Rob got "New
     * task: Accept commitment ... you cover while they are away", and rita also got "Accept it in
     * Baton" with no word that rob had it. Her mail now says rob covers the step and asks nothing.
     */
    @Test
    void anAwayOwnerIsToldWhoCoversTheCommitmentsStepAndIsAskedForNothing() {
        ResponseEntity<Map> away = away("rita", LocalDate.now(), LocalDate.now().plusDays(3), "rob");
        assertThat(away.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        try {
            String accountName = "Away owner " + UUID.randomUUID();
            long accountId = id(as("maria")
                    .postForObject(
                            "/api/accounts", Map.of("name", accountName, "ownerId", personId("rita")), Map.class));
            long commitmentId = promise("maria", accountId, "Security questionnaire", "rita", 20);

            Task accept = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_ACCEPT);
            assertThat(accept.getAssignee()).as("the inbox's own cover rule").isEqualTo("rob");
            assertThat(textOf("commitment-assigned", commitmentId))
                    .contains("You are away: Rob Jansen covers its next step while you are away and has it in their"
                            + " inbox, so there is nothing for you to do now.")
                    .doesNotContain("Accept it in Baton");
        } finally {
            as("rita").delete("/api/absences/" + ((Number) away.getBody().get("id")).longValue());
        }
    }

    /**
     * Session 46's probe: rita away, rob covering, rob away himself. The step stayed with rita and her mail asked
     * her to accept it with no word of her absence. Now rob's own cover is asked; when nobody in the chain can take
     * it (here rob's cover has left), the step stays with rita and her mail says so and why.
     */
    @Test
    void anAwayOwnerWhoseCoversCannotTakeTheStepKeepsItAndIsToldWhy() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        dev.baton.people.Person gone = people.save(new dev.baton.people.Person(
                "gone-" + tag, "Gone " + tag, "gone-" + tag + "@baton.example", "x", java.util.Set.of()));
        ResponseEntity<Map> ritaAway =
                away("rita", LocalDate.now().minusDays(1), LocalDate.now().plusDays(3), "rob");
        ResponseEntity<Map> robAway =
                away("rob", LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), gone.getUsername());
        jdbc.update("update person set active = false where id = ?", gone.getId());
        try {
            long accountId = id(as("maria")
                    .postForObject(
                            "/api/accounts",
                            Map.of("name", "Uncovered owner " + tag, "ownerId", personId("rita")),
                            Map.class));
            long commitmentId = promise("maria", accountId, "Pen test report", "rita", 20);

            Task accept = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_ACCEPT);
            assertThat(accept.getAssignee()).as("the inbox's own cover rule").isEqualTo("rita");
            assertThat(textOf("commitment-assigned", commitmentId))
                    .contains("You are away, but nobody covering for you can take its next step today (Rob Jansen is"
                            + " away from ")
                    .contains("; Gone " + tag + " is inactive): it stays with you. Accept it in Baton")
                    .doesNotContain("nothing for you to do");
        } finally {
            as("rob").delete("/api/absences/" + ((Number) robAway.getBody().get("id")).longValue());
            as("rita").delete("/api/absences/" + ((Number) ritaAway.getBody().get("id")).longValue());
        }
    }

    private void giveTo(String owner, long id) {
        assertThat(as("maria")
                        .exchange(
                                "/api/commitments/" + id + "/owner",
                                HttpMethod.PUT,
                                new HttpEntity<>(Map.of("ownerId", personId(owner), "version", version(id))),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCancelledCommitmentsWaitingStepLeavesTheInboxWithoutWaitingForItsLockRenewal() {
        long accountId = accountOf("rob", "Closed " + UUID.randomUUID());
        long commitmentId = promise("rob", accountId, "Loan laptops", "rob", 20);
        Task accept = awaitOpenTask(commitmentId, CommitmentBpmn.TASK_ACCEPT);

        as("rob")
                .postForEntity(
                        "/api/commitments/" + commitmentId + "/cancel",
                        Map.of("reason", "customer withdrew", "version", 0),
                        Map.class);

        // the tests' lock renewal is off: only the check after the closing message cancels the row
        await().atMost(WAIT)
                .until(() -> tasks.findById(accept.getId()).orElseThrow().getStatus() == TaskStatus.CANCELED);
    }

    /** A new account owned by rob (maria creates it: a rep may not act on an account nobody owns). */
    /**
     * {@code by} answers the unowned commitment's "Assign owner" step with ravi as its owner: a 400 at
     * {@code newOwnerUsername} saying {@code why}, the task still open, the commitment still unowned
     * and no reassignment audited.
     */
    private void assertGivingItToRaviIsRefused(String by, Task assign, long commitmentId, String why) {
        ResponseEntity<Map> refused = as(by).postForEntity(
                        "/api/tasks/" + assign.getId() + "/complete",
                        Map.of("decision", "assign", "newOwnerUsername", "ravi"),
                        Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused))
                .containsOnlyKeys("newOwnerUsername")
                .extractingByKey("newOwnerUsername")
                .asString()
                .contains(why);
        assertThat(tasks.findById(assign.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        assertThat(commitments.findById(commitmentId).orElseThrow().getOwner()).isNull();
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("commitment", commitmentId))
                .extracting(e -> e.getAction())
                .doesNotContain("commitment.reassigned");
    }

    /**
     * {@code by} answers the step with {@code answer}: a 400 at {@code decision} saying {@code why}, the
     * task still open, the commitment still {@code status} and the decision's change not audited.
     */
    private void assertDecisionIsRefused(
            String by, Task step, Map<String, Object> answer, long commitmentId, CommitmentStatus status, String why) {
        ResponseEntity<Map> refused =
                as(by).postForEntity("/api/tasks/" + step.getId() + "/complete", answer, Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused))
                .containsOnlyKeys("decision")
                .extractingByKey("decision")
                .asString()
                .contains(why);
        assertThat(tasks.findById(step.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        assertThat(commitments.findById(commitmentId).orElseThrow().getStatus()).isEqualTo(status);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("commitment", commitmentId))
                .extracting(e -> e.getAction())
                .doesNotContain("commitment.verified", "commitment.cancelled", "commitment.breached");
    }

    private HttpStatus delegate(String by, Task task, String to) {
        return HttpStatus.valueOf(
                as(by).postForEntity("/api/tasks/" + task.getId() + "/delegate", Map.of("to", to), Map.class)
                        .getStatusCode()
                        .value());
    }

    /** Rob promises rob a commitment on a new account of his, due in so many days, and accepts it. */
    private long acceptedByRob(String accountName, String description, int dueInDays) {
        long id = promise("rob", accountOf("rob", accountName), description, "rob", dueInDays);
        as("rob").postForEntity("/api/commitments/" + id + "/accept", null, Map.class);
        awaitStatus(id, CommitmentStatus.ACCEPTED);
        return id;
    }

    /** Rob reschedules his commitment through the API (POST /api/commitments/{id}/reschedule) at its current version. */
    private void reschedule(long id, LocalDate to, String reason) {
        assertThat(as("rob")
                        .postForEntity(
                                "/api/commitments/" + id + "/reschedule",
                                Map.of(
                                        "dueDate",
                                        to.toString(),
                                        "reason",
                                        reason,
                                        "version",
                                        commitments.findById(id).orElseThrow().getVersion()),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** A commitment maria records on the account without an owner, delivered by customer success. */
    private long unownedCustomerSuccessPromise(long accountId) {
        return unownedCustomerSuccessPromise(accountId, "Onboarding plan", 10);
    }

    private long unownedCustomerSuccessPromise(long accountId, String description, int dueInDays) {
        long cs = teams.findByKey("customer-success").orElseThrow().getId();
        return id(as("maria")
                .postForObject(
                        "/api/commitments",
                        Map.of(
                                "accountId",
                                accountId,
                                "description",
                                description,
                                "deliveringTeamId",
                                cs,
                                "dueDate",
                                LocalDate.now().plusDays(dueInDays).toString()),
                        Map.class));
    }

    /** A commitment recorded through the API by {@code by} on the account, owned by {@code owner}. */
    private long promise(String by, long accountId, String description, String owner, int dueInDays) {
        return promise(by, accountId, description, owner, LocalDate.now().plusDays(dueInDays));
    }

    private Task awaitOpenTask(long commitmentId, String elementId) {
        return await().atMost(WAIT).until(() -> openTask(commitmentId, elementId), t -> t != null);
    }

    private Task openTask(long commitmentId, String elementId) {
        return tasks.findAll().stream()
                .filter(t -> new TaskSubject("commitment", commitmentId).equals(t.getSubject())
                        && t.getElementId().equals(elementId)
                        && t.getStatus() == TaskStatus.OPEN)
                .findFirst()
                .orElse(null);
    }

    private HttpStatus complete(String user, Task task, Map<String, Object> values) {
        return HttpStatus.valueOf(as(user).postForEntity("/api/tasks/" + task.getId() + "/complete", values, Map.class)
                .getStatusCode()
                .value());
    }

    private void awaitStatus(long commitmentId, CommitmentStatus status) {
        await().atMost(WAIT)
                .until(() -> commitments.findById(commitmentId).orElseThrow().getStatus() == status);
    }

    private List<String> subjectsTo(String username, String accountName) throws Exception {
        String email = people.findByUsername(username).orElseThrow().getEmail();
        // GreenMail keeps one copy per recipient's mailbox (To and Cc): count each sent mail once
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> to(m, email))
                .collect(Collectors.toMap(
                        CommitmentProcessIntegrationTests::messageId,
                        CommitmentProcessIntegrationTests::subject,
                        (a, b) -> a))
                .values()
                .stream()
                .filter(s -> s.endsWith(accountName))
                .toList();
    }

    private static boolean to(MimeMessage m, String email) {
        try {
            return Arrays.stream(m.getRecipients(MimeMessage.RecipientType.TO))
                    .map(Address::toString)
                    .anyMatch(email::equals);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void reject(String by, long id) {
        assertThat(as(by).postForEntity(
                                "/api/commitments/" + id + "/reject",
                                Map.of("reason", "not in scope", "version", version(id)),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** The owner accepts, then {@code deliverer} delivers through the API; waits for each status. */
    private void acceptThenDeliver(String owner, String deliverer, long id) {
        assertThat(as(owner)
                        .postForEntity("/api/commitments/" + id + "/accept", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        awaitStatus(id, CommitmentStatus.ACCEPTED);
        assertThat(as(deliverer)
                        .postForEntity(
                                "/api/commitments/" + id + "/deliver",
                                Map.of("evidence", "https://docs/" + id, "version", version(id)),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        awaitStatus(id, CommitmentStatus.DELIVERED);
    }

    private long version(long id) {
        return commitments.findById(id).orElseThrow().getVersion();
    }

    /** The plain text of the one mail of this template about the commitment, as queued. */
    private String textOf(String template, long commitmentId) {
        return jdbc.queryForObject(
                "select text_body from outbox_message where dedup_key like ?",
                String.class,
                template + ":" + commitmentId + ":%");
    }
}
