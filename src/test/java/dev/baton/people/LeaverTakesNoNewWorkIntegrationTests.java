package dev.baton.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.commitment.engine.HandoffBpmn;
import dev.baton.handover.HandoverBookTest;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.HandoverService;
import dev.baton.handover.LaunchRequest;
import dev.baton.handover.SuccessorPlan;
import dev.baton.imports.ImportsApi;
import dev.baton.support.Race;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rep whose handover for leaving has completed stays active until their leaving day, but takes no
 * new commitments and no cover duty (found by the session 28 probe: a commitment for him was
 * recorded, a colleague's absence form took him as cover and her next task went to him). What he
 * holds already stays with him.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class LeaverTakesNoNewWorkIntegrationTests extends HandoverBookTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Absences absences;

    @Autowired
    AbsenceService absenceService;

    @Autowired
    HandoverService handovers;

    @Autowired
    TransactionTemplate tx;

    Person leaver;
    String leaving;

    @BeforeEach
    void rob() {
        leaver = fixture.colleague("Rob Leaving");
        LocalDate leavesOn = LocalDate.now().plusDays(7);
        fixture.leaving(leaver, leavesOn);
        leaving = leaver.getFullName() + " is leaving the company on "
                + leavesOn.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH));
    }

    @Test
    void aNewCommitmentOrAChangeOfOwnerToSomeoneLeavingIsRefusedAtOwnerId() {
        ResponseEntity<Map> created = as("maria").postForEntity("/api/commitments", commitment(leaver), Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(created.getBody())).containsEntry("ownerId", leaving + " and cannot take on a commitment");
        assertThat(commitmentsOf(leaver)).isZero();

        Map<String, Object> theirs =
                as("maria").postForObject("/api/commitments", commitment(book.successor()), Map.class);
        ResponseEntity<Map> moved = toTheLeaver("/api/commitments/", theirs);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(moved.getBody())).containsEntry("ownerId", leaving + " and cannot take on a commitment");
        assertThat(commitmentsOf(leaver)).isZero();
    }

    @Test
    void aNewAccountOrATransferToSomeoneLeavingIsRefusedAtOwnerIdOnTheApiAndTheDataQualityPage() {
        String name = "Leaver's new account " + leaver.getUsername();
        ResponseEntity<Map> created =
                as("maria").postForEntity("/api/accounts", Map.of("name", name, "ownerId", leaver.getId()), Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(created.getBody())).containsEntry("ownerId", leaving + " and cannot take on an account");
        assertThat(jdbc.queryForObject("select count(*) from account where name = ?", Long.class, name))
                .isZero();

        Map<String, Object> account = as("maria")
                .postForObject(
                        "/api/accounts",
                        Map.of("name", name, "ownerId", book.successor().getId()),
                        Map.class);
        ResponseEntity<Map> moved = toTheLeaver("/api/accounts/", account);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(moved.getBody())).containsEntry("ownerId", leaving + " and cannot take on an account");

        String page = SignedIn.as(http, "maria").getForObject("/data-quality", String.class);
        ResponseEntity<String> fixed = SignedIn.as(http, "maria")
                .postForEntity(
                        "/data-quality/accounts/" + account.get("id") + "/owner",
                        new HttpEntity<>("ownerId=" + leaver.getId() + "&back=%3F", SignedIn.formOf(page)),
                        String.class);
        assertThat(fixed.getBody() + SignedIn.as(http, "maria").getForObject("/data-quality", String.class))
                .as("the flash message, on the page the fix redirects to")
                .contains(leaving + " and cannot take on an account");
        assertThat(accountsOf(leaver)).isZero();
    }

    @Test
    void anImportGivingSomeoneLeavingAnAccountIsARowErrorButTheAccountsTheyOwnMayBeImportedAgain() {
        String tag = leaver.getUsername();
        jdbc.update(
                "insert into account (name, owner_id, external_source, external_id) values (?, ?, 'BATON', ?)",
                "Kept " + tag,
                leaver.getId(),
                "kept-" + tag);
        String file = "external_id,name,owner\n"
                + "kept-" + tag + ",Kept " + tag + "," + leaver.getEmail() + "\n"
                + "new-" + tag + ",New " + tag + "," + leaver.getEmail() + "\n";

        Map result = ImportsApi.finished(as("ada"), ImportsApi.start(as("ada"), "ACCOUNTS", "BATON", false, file));

        assertThat(result).containsEntry("status", "FAILED").containsEntry("errorCount", 1);
        assertThat((List<Map>) result.get("errors"))
                .extracting(e -> e.get("row") + " " + e.get("column") + ": " + e.get("problem"))
                .containsExactly("3 owner: " + leaving + " and cannot take on an account");
        assertThat(accountsOf(leaver)).isOne();
    }

    /**
     * Someone leaving outside the manager's line: the manager could fix the request by naming someone
     * else, so the answer is the 400 at ownerId saying why, as for an inactive owner, not the 403 about
     * whose line they are in. A manager who may not move the account at all is refused 403 whoever they name.
     */
    @Test
    void aManagerGivingAnAccountToSomeoneLeavingOutsideTheirLineIsToldWhyAtOwnerIdButOneWhoMayNotMoveItAt403() {
        String name = "Marcus's new account " + leaver.getUsername();
        ResponseEntity<Map> created =
                as("marcus").postForEntity("/api/accounts", Map.of("name", name, "ownerId", leaver.getId()), Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(created.getBody())).containsEntry("ownerId", leaving + " and cannot take on an account");

        Map<String, Object> unowned = as("ada").postForObject("/api/accounts", Map.of("name", name), Map.class);
        ResponseEntity<Map> moved = as("marcus")
                .exchange(
                        "/api/accounts/" + unowned.get("id") + "/owner",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("ownerId", leaver.getId(), "version", unowned.get("version"))),
                        Map.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(moved.getBody())).containsEntry("ownerId", leaving + " and cannot take on an account");

        ResponseEntity<Map> notTheirs = as("marcus")
                .exchange(
                        "/api/accounts/" + book.account().getId() + "/owner",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of(
                                "ownerId",
                                leaver.getId(),
                                "version",
                                book.account().getVersion())),
                        Map.class);
        assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(accountsOf(leaver)).isZero();
    }

    /** A won deal's customer success owner is new work too: the kickoff step refuses a leaver at its field. */
    @Test
    void theKickoffNamingSomeoneLeavingAsCustomerSuccessOwnerIsRefusedAtItsField() throws Exception {
        long instance = ((Number) as("maria")
                        .postForObject("/api/accounts/" + book.account().getId() + "/handoff-to-cs", null, Map.class)
                        .get("processInstanceKey"))
                .longValue();
        Task list = awaitTaskOf(instance);
        assertThat(as(book.departing().getUsername())
                        .postForEntity(
                                "/api/tasks/" + list.getId() + "/complete", Map.of("listComplete", true), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Task kickoff = awaitTask(instance, HandoffBpmn.TASK_KICKOFF);
        post("cora", kickoff, "claim");

        ResponseEntity<Map> refused = as("cora")
                .postForEntity(
                        "/api/tasks/" + kickoff.getId() + "/complete",
                        Map.of("csOwnerUsername", leaver.getUsername()),
                        Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused.getBody()))
                .containsEntry("csOwnerUsername", leaving + " and cannot take on an account");
        assertThat(tasks.findById(kickoff.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        assertThat(accountsOf(leaver)).isZero();
    }

    /**
     * Found by a probe: someone leaving still got their team's offers of new steps and could claim them.
     * Now the offer goes to the others only, and a claim is refused with the reason.
     */
    @Test
    void someoneLeavingIsNotOfferedTheirTeamsNewStepsAndMayNotClaimOne() throws Exception {
        jdbc.update(
                "update person set team_id = (select team_id from person where username = 'cora') where id = ?",
                leaver.getId());
        long instance = ((Number) as("maria")
                        .postForObject("/api/accounts/" + book.account().getId() + "/handoff-to-cs", null, Map.class)
                        .get("processInstanceKey"))
                .longValue();
        Task list = awaitTaskOf(instance);
        as(book.departing().getUsername())
                .postForEntity("/api/tasks/" + list.getId() + "/complete", Map.of("listComplete", true), Map.class);
        Task kickoff = awaitTask(instance, HandoffBpmn.TASK_KICKOFF);

        ResponseEntity<Map> refused = post(leaver.getUsername(), kickoff, "claim");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail")).isEqualTo(leaving + " and cannot claim a new task");
        assertThat(tasks.findById(kickoff.getId()).orElseThrow().getAssignee()).isNull();
        // keyed task-offered:<task>:<person id>:created
        List<String> offers = jdbc.queryForList(
                "select dedup_key from outbox_message where dedup_key like 'task-offered:' || ? || ':%'",
                String.class, kickoff.getId());
        String offer = "task-offered:" + kickoff.getId() + ":";
        assertThat(offers)
                .contains(offer + personId("cora") + ":created")
                .doesNotContain(offer + leaver.getId() + ":created");
        // nor do the pages offer a Claim button they would refuse (found by the session's probe)
        String claim = "/tasks/" + kickoff.getId() + "/claim";
        TestRestTemplate leaverBrowser = SignedIn.as(http, leaver.getUsername());
        assertThat(leaverBrowser.getForObject("/tasks", String.class))
                .contains(leaving + " and cannot claim a new task")
                .doesNotContain(claim);
        assertThat(leaverBrowser.getForObject("/tasks/" + kickoff.getId(), String.class))
                .contains(leaving + " and cannot claim a new task: it stays with the others it is offered to.")
                .doesNotContain(claim);
        assertThat(SignedIn.as(http, "cora").getForObject("/tasks/" + kickoff.getId(), String.class))
                .contains(claim);
        assertThat(post("cora", kickoff, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /**
     * Found by the session 34 probe: a claim at the moment the claimer's handover was launched went
     * through (nothing ordered the two), and the step stayed with the leaver. The claim runs while the
     * launch is uncommitted ({@link Race#secondWhileFirstUncommitted}): it waits, then is refused.
     */
    @Test
    void aClaimAtTheMomentTheClaimersHandoverIsLaunchedIsJudgedAfterTheLaunch() throws Exception {
        Person claimer = book.departing();
        jdbc.update(
                "update person set team_id = (select team_id from person where username = 'cora') where id in (?, ?)",
                claimer.getId(),
                book.successor().getId());
        long instance = ((Number) as("maria")
                        .postForObject("/api/accounts/" + book.account().getId() + "/handoff-to-cs", null, Map.class)
                        .get("processInstanceKey"))
                .longValue();
        Task list = awaitTaskOf(instance);
        as(claimer.getUsername())
                .postForEntity("/api/tasks/" + list.getId() + "/complete", Map.of("listComplete", true), Map.class);
        Task kickoff = awaitTask(instance, HandoffBpmn.TASK_KICKOFF);
        AtomicReference<ResponseEntity<Map>> claim = new AtomicReference<>();

        List<Throwable> thrown = Race.secondWhileFirstUncommitted(
                tx,
                () -> handovers.launch(
                        new LaunchRequest(
                                claimer.getId(),
                                HandoverReason.LEAVING,
                                LocalDate.now().plusDays(7),
                                null,
                                new SuccessorPlan(
                                        SuccessorPlan.Mode.ONE, book.successor().getId(), null, null),
                                null),
                        "maria"),
                () -> claim.set(post(claimer.getUsername(), kickoff, "claim")),
                3_000);

        assertThat(thrown).containsOnlyNulls();
        assertThat(claim.get().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(claim.get().getBody().get("detail"))
                .isEqualTo(claimer.getFullName() + " is being handed over and cannot claim a new task");
        assertThat(tasks.findById(kickoff.getId()).orElseThrow().getAssignee()).isNull();
    }

    /**
     * The commitment import held owners only to being active: a file could give someone leaving a new
     * open promise. Now it is a row error at owner in the API's words; one they own already may come
     * again, and a closed one is history, whoever owned it.
     */
    @Test
    void aCommitmentImportGivingSomeoneLeavingAnOpenCommitmentIsARowErrorButTheirOwnAndClosedOnesPass() {
        String tag = leaver.getUsername();
        long accountId = jdbc.queryForObject(
                "insert into account (name, owner_id, external_source, external_id) values (?, ?, 'BATON', ?)"
                        + " returning id",
                Long.class,
                "Promised " + tag,
                leaver.getId(),
                "acc-" + tag);
        jdbc.update(
                "insert into commitment (account_id, description, made_by_id, owner_id, due_date, status,"
                        + " external_source, external_id) values (?, 'Kept promise', ?, ?, current_date + 5,"
                        + " 'ACCEPTED', 'BATON', ?)",
                accountId,
                leaver.getId(),
                leaver.getId(),
                "kept-" + tag);
        String owner = leaver.getEmail();
        String file = "external_id,account,description,made_by,due_date,owner,status\n"
                + "kept-" + tag + ",acc-" + tag + ",Kept promise," + owner + ",2030-01-31," + owner + ",ACCEPTED\n"
                + "new-" + tag + ",acc-" + tag + ",New promise," + owner + ",2030-01-31," + owner + ",PROPOSED\n"
                + "done-" + tag + ",acc-" + tag + ",Old promise," + owner + ",2025-01-31," + owner + ",VERIFIED\n";

        Map result = ImportsApi.finished(as("ada"), ImportsApi.start(as("ada"), "COMMITMENTS", "BATON", false, file));

        assertThat(result).containsEntry("status", "FAILED").containsEntry("errorCount", 1);
        assertThat((List<Map>) result.get("errors"))
                .extracting(e -> e.get("row") + " " + e.get("column") + ": " + e.get("problem"))
                .containsExactly("3 owner: " + leaving + " and cannot take on a commitment");
        assertThat(commitmentsOf(leaver)).isOne();
    }

    @Test
    void anAbsenceCoveredBySomeoneLeavingIsRefusedAtTheDelegateOnTheApiAndThePage() {
        String rita = book.successor().getUsername();
        Map<String, String> absence = Map.of(
                "startsOn", LocalDate.now().plusDays(1).toString(),
                "endsOn", LocalDate.now().plusDays(2).toString(),
                "delegate", leaver.getUsername());

        ResponseEntity<Map> api = as(rita).postForEntity("/api/absences", absence, Map.class);

        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(api.getBody())).containsEntry("delegate", leaving + ": choose someone else to cover");

        String page = SignedIn.as(http, rita).getForObject("/absences", String.class);
        StringBuilder form = new StringBuilder();
        absence.forEach((k, v) -> form.append(k).append('=').append(v).append('&'));
        ResponseEntity<String> posted = SignedIn.as(http, rita)
                .postForEntity("/absences", new HttpEntity<>(form.toString(), SignedIn.formOf(page)), String.class);
        String shown = posted.getBody() + SignedIn.as(http, rita).getForObject("/absences", String.class);
        assertThat(shown)
                .contains("Nothing recorded: please correct the marked fields.")
                .contains("id=\"delegate-error\">" + leaving + ": choose someone else to cover</div>");
        assertThat(absenceService.upcoming(rita)).isEmpty();
    }

    @Test
    void anAbsenceRecordedBeforeTheHandoverNoLongerSendsNewTasksToTheLeavingCover() {
        Person rita = book.successor();
        absences.save(new Absence(
                rita, leaver, LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), null));

        assertThat(absenceService.coverFor(rita.getUsername())).isEmpty();
        assertThat(absenceService.unavailableToday(leaver)).contains(leaving);
    }

    private Map<String, Object> commitment(Person owner) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountId", book.account().getId());
        body.put("description", "Send the migration plan");
        body.put("ownerId", owner.getId());
        body.put("dueDate", LocalDate.now().plusDays(3).toString());
        return body;
    }

    /** maria gives the record (an account, a commitment) at {@code collection} to the leaver: PUT .../owner. */
    private ResponseEntity<Map> toTheLeaver(String collection, Map<String, Object> record) {
        return as("maria")
                .exchange(
                        collection + record.get("id") + "/owner",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("ownerId", leaver.getId(), "version", record.get("version"))),
                        Map.class);
    }

    private long accountsOf(Person p) {
        return jdbc.queryForObject("select count(*) from account where owner_id = ?", Long.class, p.getId());
    }

    private long commitmentsOf(Person p) {
        return jdbc.queryForObject("select count(*) from commitment where owner_id = ?", Long.class, p.getId());
    }

    private static Map<String, Object> errors(Map body) {
        return (Map<String, Object>) body.get("errors");
    }
}
