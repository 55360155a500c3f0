package dev.baton.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.support.Multipart;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Admins' uploads: each kind of refusal with its element named, all problems at once, and a good file kept. */
@SuppressWarnings({"rawtypes", "unchecked"})
@ExtendWith(OutputCaptureExtension.class)
class PlaybookUploadIntegrationTests extends EngineIntegrationTest {

    static final String GOOD = read("playbooks/upload/renewal-call.bpmn");
    static final String FORM = read("playbooks/upload/renewal-call.form");

    /**
     * GOOD as the process {@code processId}, named "Renewal call {@code processId}": an upload may not take
     * the name another playbook of the catalogue goes by.
     */
    static String good(String processId) {
        return GOOD.replace("Process_renewal_call", processId)
                .replace("name=\"Renewal call\"", "name=\"Renewal call " + processId + "\"");
    }

    /** {@link #good} with {@code steps} (BPMN elements) before its end event, where a test adds what it uploads. */
    static String goodWith(String processId, String steps) {
        return good(processId).replace(END_EVENT, steps + END_EVENT);
    }

    static final String END_EVENT = "<bpmn:endEvent id=\"EndEvent_1\" name=\"Renewal confirmed\">";

    @Autowired
    PlaybookUploads uploads;

    @Autowired
    PlaybookUploadService service;

    @Autowired
    dev.baton.engine.DeployedPlaybooks deployedPlaybooks;

    @Autowired
    WebApplicationContext context;

    @Autowired
    People people;

    @Autowired
    dev.baton.people.TeamService teamService;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void aGoodPlaybookIsDeployedAsANewVersionAndKeptForTheNextStart() {
        String processId = "Process_upload_kept";
        String bpmn = good(processId);

        ResponseEntity<List> first = upload("ada", Map.of("kept.bpmn", bpmn, "renewal-call.form", FORM));
        ResponseEntity<List> second = upload(
                "ada",
                Map.of(
                        "kept.bpmn",
                        bpmn.replace("Call the customer", "Phone the customer"),
                        "renewal-call.form",
                        FORM));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((List<Map<String, Object>>) first.getBody())
                .extracting(m -> m.get("processId"), m -> m.get("version"))
                .containsExactly(tuple(processId, 1));
        assertThat((List<Map<String, Object>>) second.getBody())
                .extracting(m -> m.get("version"))
                .containsExactly(2);
        assertThat(uploads.findAll())
                .filteredOn(u -> u.getProcessIds().contains(processId))
                .hasSize(2)
                .allSatisfy(u -> assertThat(u.getForms()).containsKey("renewal-call.form"));
        assertThat(service.kept())
                .filteredOn(f -> f.bpmnName().equals("kept.bpmn"))
                .singleElement()
                .satisfies(f ->
                        assertThat(new String(f.bpmn(), StandardCharsets.UTF_8)).contains("Phone the customer"));
    }

    /**
     * Session 39's probe: the same file uploaded again came back from the engine as the version it had (nothing
     * new deployed), but the catalogue's deployedAt moved to the second upload's time. It keeps the first.
     */
    @Test
    void theSameFileUploadedAgainKeepsItsVersionAndWhenItWasFirstDeployed() {
        String processId = "Process_upload_same_again";
        Map<String, String> files = Map.of("same-again.bpmn", good(processId), "renewal-call.form", FORM);
        ResponseEntity<List> first = upload("ada", files);
        dev.baton.engine.DeployedPlaybooks.DeployedProcess deployed =
                deployedPlaybooks.latest(processId).orElseThrow();
        Map<String, Object> listedBefore = listed(processId);

        ResponseEntity<List> again = upload("ada", files);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).as("nothing new deployed: the same version").isEqualTo(first.getBody());
        assertThat(deployedPlaybooks.versions(processId))
                .singleElement()
                .satisfies(p -> assertThat(p.deployedAt()).isEqualTo(deployed.deployedAt()))
                .satisfies(p -> assertThat(p.source()).isEqualTo("uploaded by ada"));
        assertThat(listed(processId))
                .containsEntry("deployedAt", listedBefore.get("deployedAt"))
                .containsEntry("versions", List.of(1));
    }

    /** The playbook as {@code GET /api/playbooks/{processId}} shows it. */
    private Map<String, Object> listed(String processId) {
        return as("ada").getForEntity("/api/playbooks/" + processId, Map.class).getBody();
    }

    /**
     * Found by a probe: a lead-follow-up upload became its newest version, and leads started no process. The
     * refusal says what the process is (session 39's probe: sample-review, which managers launch, was said to be
     * started by Baton itself).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "lead-follow-up | one of Baton's own processes, which Baton starts itself: an upload cannot replace it",
                "commitment     | one of Baton's own processes, which Baton starts itself: an upload cannot replace it",
                "sample-review  | one of Baton's own playbooks ('Sample account review'), launched from the catalogue:"
                        + " an upload cannot replace it"
            })
    void anUploadCannotReplaceOneOfBatonsOwnProcesses(String processId, String what) {
        int before = deployedPlaybooks.latest(processId).orElseThrow().version();

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("mine.bpmn", good(processId), "renewal-call.form", FORM)));

        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", processId)
                        .extractingByKey("message")
                        .asString()
                        .startsWith("the process id '" + processId + "' is " + what));
        assertThat(deployedPlaybooks.latest(processId))
                .hasValueSatisfying(p -> assertThat(p.version()).isEqualTo(before))
                .hasValueSatisfying(p -> assertThat(p.source()).isEqualTo("bundled"));
        assertThat(uploads.findAll()).noneMatch(u -> u.getProcessIds().contains(processId));
    }

    /** Found by the session 35 probe: an upload called "Renewal" listed a second "Renewal" beside Baton's own. */
    @Test
    void anUploadNamedLikeBatonsOwnPlaybookIsRefusedNamingTheProcess() {
        String renewal = good("Process_named_renewal")
                .replace("name=\"Renewal call Process_named_renewal\"", "name=\"RENEWAL\"");

        assertThat(problems(upload("ada", Map.of("renewal.bpmn", renewal, "renewal-call.form", FORM))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", "Process_named_renewal")
                        .containsEntry("elementName", "RENEWAL")
                        .extractingByKey("message")
                        .asString()
                        .startsWith("the name 'RENEWAL' is taken by 'Renewal' (Baton's own playbook 'renewal')"));
        assertThat(processDeployed("Process_named_renewal")).isFalse();
    }

    /**
     * Session 36's probe (c3): a call of the sample review with "Propagate all parent variables" off and no
     * accountId mapping was accepted and launched on an account, and the review went to sales-emea about no
     * account, its answer recorded nowhere. The call must pass accountId on; with the mapping it may.
     */
    @Test
    void aCallOfTheSampleReviewWithoutParentVariablesIsRefusedUnlessItMapsAccountId() {
        String processId = "Process_review_unpropagated_" + System.nanoTime();
        String calledElement =
                "<zeebe:calledElement processId=\"sample-review\" propagateAllParentVariables=\"false\" />";
        java.util.function.Function<String, String> calling = mappings -> good(processId)
                .replace(
                        "<bpmn:userTask id=\"Activity_call\" name=\"Call the customer\">",
                        "<bpmn:callActivity" + " id=\"Activity_call\" name=\"Review the account\">")
                .replaceFirst(
                        "(?s)<zeebe:formDefinition formId=\"renewal-call-form\" />\\s*"
                                + "<zeebe:assignmentDefinition candidateGroups=\"sales-emea\" />",
                        calledElement + mappings)
                .replaceFirst(
                        "(?s)(<bpmn:outgoing>Flow_2</bpmn:outgoing>\\s*)</bpmn:userTask>", "$1</bpmn:callActivity>");

        List<Map<String, Object>> problems = problems(upload("ada", Map.of("review.bpmn", calling.apply(""))));

        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", "Activity_call")
                        .extractingByKey("message")
                        .asString()
                        .startsWith("call 'Review the account' does not pass accountId on: with 'Propagate all parent"
                                + " variables' off")
                        .contains("'sample-review' works on an account (its step 'Record review' (task_record_review)"
                                + " reads accountId)"));
        assertThat(processDeployed(processId)).isFalse();
        assertThat(upload(
                                "ada",
                                Map.of(
                                        "review.bpmn",
                                        calling.apply("<zeebe:ioMapping><zeebe:input source=\"=accountId\""
                                                + " target=\"accountId\" /></zeebe:ioMapping>")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    /**
     * Session 36's probe uploaded three processes named "Race Two" at once, and all three were deployed: each
     * checked the name before another's upload was committed. Here the second upload runs while the first
     * is kept and deployed but not committed (as on another Baton instance): it waits for the first, then
     * finds the name taken. Without the lock it goes through every time.
     */
    @Test
    void twoUploadsTakingOneNameAtOnceDeployOnlyTheFirst() throws Exception {
        String name = "Race Two " + System.nanoTime();
        String first = "Process_race_first_" + System.nanoTime();
        String second = "Process_race_second_" + System.nanoTime();
        java.util.function.Function<String, Runnable> uploading = processId -> () -> service.upload(
                List.of(
                        new PlaybookUploadService.UploadedFile(
                                processId + ".bpmn",
                                good(processId)
                                        .replace("name=\"Renewal call " + processId + "\"", "name=\"" + name + "\"")
                                        .getBytes(StandardCharsets.UTF_8)),
                        new PlaybookUploadService.UploadedFile(
                                "renewal-call.form", FORM.getBytes(StandardCharsets.UTF_8))),
                "ada");

        List<Throwable> thrown = dev.baton.support.Race.secondWhileFirstUncommitted(
                tx, uploading.apply(first), uploading.apply(second), 3_000);

        assertThat(thrown.get(0)).isNull();
        assertThat(thrown.get(1))
                .isInstanceOfSatisfying(
                        dev.baton.engine.PlaybookRefused.class,
                        refused -> assertThat(refused.getProblems())
                                .singleElement()
                                .satisfies(p -> {
                                    assertThat(p.elementId()).isEqualTo(second);
                                    assertThat(p.message())
                                            .startsWith("the name '" + name + "' is taken by '" + name
                                                    + "' (the playbook '" + first + "'");
                                }));
        assertThat(processDeployed(first)).isTrue();
        assertThat(processDeployed(second)).isFalse();
        assertThat(uploads.findAll()).noneMatch(u -> u.getProcessIds().contains(second));
    }

    /** Found by a probe: the check stripped the job type; the engine does not, and the step waited forever. */
    @Test
    void aJobTypeWithATrailingSpaceIsRefusedShowingIt() {
        String file = goodWith(
                "Process_spaced_type",
                "<bpmn:serviceTask id=\"Activity_check\" name=\"Check promises\"><bpmn:extensionElements>"
                        + "<zeebe:taskDefinition type=\"baton.check-commitments \" />"
                        + "</bpmn:extensionElements></bpmn:serviceTask>");

        assertThat(problems(upload("ada", Map.of("spaced.bpmn", file, "renewal-call.form", FORM))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", "Activity_check")
                        .extractingByKey("message")
                        .asString()
                        .contains("no worker for the job type 'baton.check-commitments '"));
    }

    /** Found by a probe: accepted and listed as launchable, but launching answered 409 and nothing ever started it. */
    @Test
    void aPlaybookWithOnlyAMessageOrSignalStartEventIsRefusedNamingIt() {
        String message = good("Process_message_start")
                .replace(
                        "<bpmn:outgoing>Flow_1</bpmn:outgoing>\n    </bpmn:startEvent>",
                        "<bpmn:outgoing>Flow_1</bpmn:outgoing><bpmn:messageEventDefinition id=\"Def_1\" messageRef=\"Message_1\" />"
                                + "</bpmn:startEvent>")
                .replace("</bpmn:process>", "</bpmn:process><bpmn:message id=\"Message_1\" name=\"renewal-due\" />");
        String signal = good("Process_signal_start")
                .replace(
                        "<bpmn:outgoing>Flow_1</bpmn:outgoing>\n    </bpmn:startEvent>",
                        "<bpmn:outgoing>Flow_1</bpmn:outgoing><bpmn:signalEventDefinition id=\"Def_1\" signalRef=\"Signal_1\" />"
                                + "</bpmn:startEvent>")
                .replace("</bpmn:process>", "</bpmn:process><bpmn:signal id=\"Signal_1\" name=\"renewal-due\" />");

        Map<String, String> said = Map.of(
                message, "a message start event, started by the message 'renewal-due', which nothing sends",
                signal, "a signal start event, and the playbook has no plain start event");
        said.forEach((file, why) -> assertThat(
                        problems(upload("ada", Map.of("start.bpmn", file, "renewal-call.form", FORM))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", "StartEvent_1")
                        .containsEntry("elementName", "Renewal due")
                        .extractingByKey("message")
                        .asString()
                        .contains(why, "nothing would ever start")));
        assertThat(uploads.findAll())
                .noneMatch(u -> u.getProcessIds().contains("Process_message_start")
                        || u.getProcessIds().contains("Process_signal_start"));
    }

    /**
     * Found by a probe: a message start event for commitment-recorded beside the plain one was accepted,
     * and recording a commitment started the playbook with nobody launching it. Baton's own message
     * names come from its own files (bpmn/), read at start-up.
     */
    @Test
    void aPlaybookListeningToBatonsOwnMessageIsRefusedAndNothingDeployed() {
        String file = good("Process_piggyback")
                .replace(
                        "<bpmn:userTask id=\"Activity_call\"",
                        "<bpmn:startEvent id=\"StartEvent_recorded\" name=\"Commitment recorded\">"
                                + "<bpmn:outgoing>Flow_m</bpmn:outgoing><bpmn:messageEventDefinition"
                                + " id=\"Def_m\" messageRef=\"Message_m\" /></bpmn:startEvent>"
                                + "<bpmn:sequenceFlow id=\"Flow_m\" sourceRef=\"StartEvent_recorded\""
                                + " targetRef=\"Activity_call\" />"
                                + "<bpmn:userTask id=\"Activity_call\"")
                .replace(
                        "</bpmn:process>",
                        "</bpmn:process><bpmn:message id=\"Message_m\" name=\"commitment-recorded\" />");

        assertThat(problems(upload("ada", Map.of("piggyback.bpmn", file, "renewal-call.form", FORM))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", "StartEvent_recorded")
                        .containsEntry("elementName", "Commitment recorded")
                        .extractingByKey("message")
                        .asString()
                        .contains("'commitment-recorded' is Baton's own message", "with nobody launching it"));
        assertThat(processDeployed("Process_piggyback")).isFalse();
        assertThat(uploads.findAll()).noneMatch(u -> u.getProcessIds().contains("Process_piggyback"));
    }

    /**
     * Found by a probe: a file with two executable processes was deployed as two playbooks, both in
     * the catalogue, each launchable and upgraded on its own. Now it is refused, naming both, and
     * nothing is deployed or kept.
     */
    @Test
    void aFileWithTwoExecutableProcessesIsRefusedNamingBothAndNothingDeployed() {
        String two = good("Process_two_first")
                .replace(
                        "</bpmn:process>",
                        "</bpmn:process><bpmn:process id=\"Process_two_second\" name=\"Second\" isExecutable=\"true\">"
                                + "<bpmn:startEvent id=\"StartEvent_second\" /></bpmn:process>");

        assertThat(problems(upload("ada", Map.of("two.bpmn", two, "renewal-call.form", FORM))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", null)
                        .containsEntry("elementName", "two.bpmn")
                        .extractingByKey("message")
                        .asString()
                        .contains("a playbook is one process: this file has 2 executable processes, 'Renewal call"
                                + " Process_two_first' (Process_two_first) and 'Second' (Process_two_second); keep one, or mark"
                                + " the other not executable in Camunda Modeler (Executable off)"));
        assertThat(processDeployed("Process_two_first")).isFalse();
        assertThat(processDeployed("Process_two_second")).isFalse();
        assertThat(uploads.findAll())
                .noneMatch(u -> u.getProcessIds().contains("Process_two_first")
                        || u.getProcessIds().contains("Process_two_second"));
    }

    /** Modeler's usual second pool (the customer as a black box) or one drawn with Executable off still deploys. */
    @Test
    void aCollaborationWhoseSecondPoolIsNotExecutableIsDeployedAsOnePlaybook() {
        String blackBox = inCollaboration(
                "Process_with_customer", "<bpmn:participant id=\"Participant_customer\" name=\"Customer\" />", "");
        String notExecutable = inCollaboration(
                "Process_with_finance",
                "<bpmn:participant id=\"Participant_finance\" name=\"Finance\" processRef=\"Process_finance\" />",
                "<bpmn:process id=\"Process_finance\" name=\"Finance\" isExecutable=\"false\">"
                        + "<bpmn:startEvent id=\"StartEvent_finance\" /></bpmn:process>");

        for (String file : List.of(blackBox, notExecutable)) {
            ResponseEntity<List> deployed = upload("ada", Map.of("pools.bpmn", file, "renewal-call.form", FORM));

            assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat((List<Map<String, Object>>) deployed.getBody())
                    .extracting(m -> m.get("processId"))
                    .singleElement()
                    .isIn("Process_with_customer", "Process_with_finance");
        }
        assertThat(processDeployed("Process_finance")).isFalse();
    }

    /**
     * Found by a probe: literal candidate groups and assignees that name nobody were accepted, and every
     * run's step went to the admins' unassigned work. Each is now refused, naming the task, the
     * attribute, the value and what Baton has, on the API and on the upload form; nothing is deployed.
     */
    @Test
    void aStepNamingNobodyOrSomeoneWhoLeftIsRefusedAndNothingDeployed() throws Exception {
        Person gone = people.save(new Person(
                "gone-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                "Gone Person",
                "gone-" + java.util.UUID.randomUUID() + "@baton.example",
                "x",
                java.util.Set.of(Role.REP)));
        gone.deactivate();
        people.save(gone);
        String file = good("Process_names_nobody")
                .replace(
                        "candidateGroups=\"sales-emea\"",
                        "candidateGroups=\"sales-emea, sales-team\" candidateUsers=\"rob, " + gone.getUsername()
                                + ", ghost@baton.example\"")
                .replace("assignee=\"maria\"", "assignee=\"nobody\"");

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("nobody.bpmn", file, "renewal-call.form", FORM)));

        assertThat(problems)
                .extracting(p -> p.get("elementId"), p -> p.get("elementName"))
                .containsExactlyInAnyOrder(
                        tuple("Activity_call", "Call the customer"),
                        tuple("Activity_call", "Call the customer"),
                        tuple("Activity_call", "Call the customer"),
                        tuple("Activity_confirm", "Confirm the renewal"));
        assertThat(messages(problems))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the candidateGroups 'sales-team' is no team in Baton")
                        .contains("unassigned work", "Baton's teams: ")
                        // the first five by key, then how many more: other test classes' teams may come first
                        .containsPattern("sales-emea|and \\d+ more \\(GET /api/teams\\)"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the candidateUsers '" + gone.getUsername() + "' is Gone Person, who has left"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the candidateUsers 'ghost@baton.example' names nobody: no person in Baton has"
                                + " the e-mail address 'ghost@baton.example'"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the assignee 'nobody' names nobody: no person signs in to Baton as 'nobody'"));
        assertThat(processDeployed("Process_names_nobody")).isFalse();
        assertThat(uploads.findAll()).noneMatch(u -> u.getProcessIds().contains("Process_names_nobody"));

        uploadForm(
                        bpmnFile("nobody.bpmn", file.getBytes(StandardCharsets.UTF_8)),
                        new MockMultipartFile(
                                "files",
                                "renewal-call.form",
                                "application/json",
                                FORM.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is no team in Baton (a candidate group names a team")))
                .andExpect(content().string(containsString("Gone Person, who has left")));
        assertThat(processDeployed("Process_names_nobody")).isFalse();
    }

    /** Found by session 42's probe: the upload's banner said "Deployed Process_p42script version 2", an id. */
    @Test
    void theUploadFormSaysWhichPlaybookWasDeployedByItsName() throws Exception {
        String processId = "Process_banner_" + System.nanoTime();
        uploadForm(bpmnFile("banner.bpmn", good(processId).getBytes(StandardCharsets.UTF_8)))
                .andExpect(redirectedUrl("/playbooks/" + processId))
                .andExpect(flash().attribute(
                                "message", "Deployed 'Renewal call " + processId + "' (" + processId + ") version 1"));
    }

    /** What the inbox can resolve passes: people by user name (any case) or e-mail, teams, and any expression. */
    @Test
    void aStepNamingPeopleAndTeamsBatonHasOrAnExpressionIsDeployed() {
        String file = good("Process_names_people")
                .replace(
                        "candidateGroups=\"sales-emea\"",
                        "candidateGroups=\" sales-emea,customer-success \" candidateUsers=\"ROB, maria@baton.example\"")
                .replace(
                        "assignee=\"maria\"",
                        "assignee=\"=reviewer\" candidateGroups=\"=[&quot;sales-emea&quot;, &quot;customer-success&quot;]\""
                                + " candidateUsers=\"=reviewers\"");

        ResponseEntity<List> deployed = upload("ada", Map.of("people.bpmn", file, "renewal-call.form", FORM));

        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /**
     * Found by a playbook author's probe: candidate groups written as an expression of literals that gives
     * text ({@code ="sales" + "-team"}) were accepted, and the engine stopped every run at the step (it wants a
     * list from a candidateGroups expression). Such expressions are evaluated at upload: text, a number for
     * an assignee, or a list naming a team Baton lacks is refused naming the step, what the expression gave and
     * what to write instead; nothing is deployed.
     */
    @Test
    void anAssignmentExpressionOfLiteralsThatTheEngineCannotTakeIsRefusedSayingWhatToWrite() {
        String file = good("Process_assign_literals")
                .replace(
                        "candidateGroups=\"sales-emea\"",
                        "candidateGroups=\"=&quot;sales&quot; + &quot;-emea&quot;\" candidateUsers=\"=&quot;rob&quot;\"")
                .replace("assignee=\"maria\"", "assignee=\"=42\" candidateGroups=\"=[&quot;no-such-team&quot;]\"");

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("literals.bpmn", file, "renewal-call.form", FORM)));

        assertThat(problems)
                .extracting(p -> p.get("elementId"), p -> (String) p.get("message"))
                .containsExactlyInAnyOrder(
                        tuple(
                                "Activity_call",
                                "the candidateGroups is the expression '=\"sales\" + \"-emea\"', which gives the text"
                                        + " 'sales-emea', but the engine wants a list of team keys from a candidateGroups"
                                        + " expression, so every run would stop at this step. Write a list,"
                                        + " =[\"sales-emea\"], or the plain value sales-emea (names separated by commas,"
                                        + " no =)"),
                        tuple(
                                "Activity_call",
                                "the candidateUsers is the expression '=\"rob\"', which gives the text 'rob', but the"
                                        + " engine wants a list of user names from a candidateUsers expression, so every"
                                        + " run would stop at this step. Write a list, =[\"rob\"], or the plain value rob"
                                        + " (names separated by commas, no =)"),
                        tuple(
                                "Activity_confirm",
                                "the assignee is the expression '=42', which gives the number 42, but the engine wants"
                                        + " the text of one person's user name or e-mail address from an assignee"
                                        + " expression, so every run would stop at this step. Write =\"maria\" or the"
                                        + " plain value maria (no =); several people go in candidate users"),
                        tuple(
                                "Activity_confirm",
                                messages(problems).stream()
                                        .filter(m ->
                                                m.startsWith("the candidateGroups 'no-such-team' is no team in Baton"))
                                        .findFirst()
                                        .orElse("no refusal of the unknown team in the list")));
        assertThat(processDeployed("Process_assign_literals")).isFalse();
    }

    /**
     * Found by a playbook author's probe: a condition reading a variable nothing sets ({@code =amount > 100})
     * stops each run at the gateway with an incident, which the default flow does not catch. A launch may give
     * any variable, so the upload is not refused, but it is deployed with a warning at the flow that says so; a
     * condition on a form field's key gets none.
     */
    @Test
    void aConditionReadingAVariableNothingSetsIsDeployedWithAWarningAtItsFlow() {
        String bpmn = gatewayPlaybook(
                "Process_condition_unset",
                "Condition on an unset variable",
                """
                <bpmn:sequenceFlow id="flow_big" name="Yes" sourceRef="gateway_deal" targetRef="end">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=amount &gt; 100</bpmn:conditionExpression>
                </bpmn:sequenceFlow>""" + conditionalFlow("flow_noted", "=callNote = \"call back\""));

        ResponseEntity<List> deployed = upload("ada", Map.of("unset.bpmn", bpmn, "renewal-call.form", FORM));

        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat((List<Map<String, Object>>) ((List<Map<String, Object>>) deployed.getBody())
                        .getFirst()
                        .get("warnings"))
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .containsEntry("elementId", "flow_big")
                        .containsEntry("elementName", "Yes")
                        .containsEntry(
                                "message",
                                "the condition '=amount > 100' on this flow out of 'Big deal?' reads amount, which no"
                                        + " form field, output mapping or building block of this playbook sets: unless"
                                        + " every launch gives it (a launch variable), each run stops at 'Big deal?'"
                                        + " with an incident, and the default flow does not catch that. Set it in a"
                                        + " form (a field keyed amount) or check for it: =amount != null and amount >"
                                        + " 100"));

        // said again after the upload's answer has gone, to anyone opening the playbook: until session 45 that
        // answer was the only place
        ResponseEntity<Map> kept =
                as("maria").getForEntity("/api/playbooks/Process_condition_unset/warnings", Map.class);
        assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(kept.getBody()).containsEntry("file", "unset.bpmn").containsEntry("uploadedBy", "ada");
        assertThat((List<Map<String, Object>>) kept.getBody().get("warnings"))
                .singleElement()
                .satisfies(
                        w -> assertThat(w)
                                .containsEntry("elementId", "flow_big")
                                .hasEntrySatisfying(
                                        "message",
                                        m -> assertThat((String) m)
                                                .startsWith(
                                                        "the condition '=amount > 100' on this flow out of 'Big deal?' reads amount")));
        String page = SignedIn.as(http, "maria").getForObject("/playbooks/Process_condition_unset", String.class);
        assertThat(page)
                .contains("id=\"playbook-warnings\"")
                .contains("Some runs may stop or wait for nobody. Baton warns of this in <span>unset.bpmn</span>")
                .contains("uploaded by <span>Ada")
                .contains("<strong>Yes</strong>:");
        // Baton's own playbooks were not uploaded: nothing to say; an unknown one is a 404
        assertThat(as("maria").getForObject("/api/playbooks/renewal/warnings", Map.class))
                .containsEntry("file", null)
                .containsEntry("warnings", List.of());
        assertThat(as("maria")
                        .getForEntity("/api/playbooks/no-such-playbook/warnings", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * Probe 46: a step offered only to a team with no active member deployed without a word; each run waited
     * where nobody could see or claim it. The upload is warned at the step (and again on the playbook's
     * warnings), and a run sends the step to the admins' unassigned work, saying why.
     */
    @Test
    void aStepOfferedOnlyToATeamWithNoActiveMemberIsWarnedAndGoesToUnassignedWork() throws Exception {
        String key = "ghost-" + System.nanoTime();
        teamService.create(new dev.baton.people.NewTeam(key, "Ghost <team>"));
        String processId = "Process_ghost_team";
        String file = good(processId).replace("candidateGroups=\"sales-emea\"", "candidateGroups=\"" + key + "\"");

        List<Map<String, Object>> warnings =
                warningsOfDeployed(upload("ada", Map.of("ghost.bpmn", file, "renewal-call.form", FORM)));

        String said = "the step is offered only to team Ghost <team> ('" + key + "'), which has no active member:"
                + " nobody can see or claim it, so each run's step goes to the admins' unassigned work until the team"
                + " has one. Give the team an active member (People), offer the step to a team that has one, or name"
                + " an assignee (e.g. =accountOwner)";
        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .containsEntry("elementId", "Activity_call")
                        .containsEntry("elementName", "Call the customer")
                        .containsEntry("message", said));
        assertThat((List<Map<String, Object>>) as("maria")
                        .getForObject("/api/playbooks/" + processId + "/warnings", Map.class)
                        .get("warnings"))
                .extracting(w -> w.get("message"))
                .containsExactly(said);

        long instance = ((Number) as("maria")
                        .postForEntity("/api/playbooks/" + processId + "/instances", Map.of(), Map.class)
                        .getBody()
                        .get("processInstanceKey"))
                .longValue();
        Task call = awaitTaskOf(instance);
        assertThat(call.isUnheld()).as("in the admins' unassigned work").isTrue();
        assertThat(call.getUnassignedReason())
                .isEqualTo("offered to team Ghost <team> ('" + key + "'), which has no active member");
    }

    /**
     * Session 43's probe: the warning fired on conditions that already check for the variable (the run
     * ended normally) and suggested the same check again; a quantified condition over an unset list got
     * none. A condition that answers yes or no without the variable gets no warning now, one that reads
     * it bare (also inside {@code some}) does, and a check that does not cover it is not suggested twice.
     */
    @Test
    void aConditionThatChecksForTheUnsetVariableGetsNoWarningAndOneThatDoesNotIsWarned() {
        String bpmn = gatewayPlaybook(
                "Process_condition_guarded",
                "Guarded conditions",
                conditionalFlow("flow_null", "=amount != null and amount &gt; 100")
                        + conditionalFlow("flow_defined", "=is defined(amount) and amount &gt; 100")
                        + conditionalFlow("flow_noted", "=callNote != null and amount &gt; 100")
                        + conditionalFlow("flow_some", "=some x in items satisfies x &gt; 1")
                        + conditionalFlow("flow_or", "=amount != null or amount &gt; 100"));

        List<Map<String, Object>> warnings =
                warningsOfDeployed(upload("ada", Map.of("guarded.bpmn", bpmn, "renewal-call.form", FORM)));
        assertThat(warnings)
                .extracting(w -> w.get("elementId"))
                .containsExactlyInAnyOrder("flow_noted", "flow_some", "flow_or");
        assertThat(warnings)
                .filteredOn(w -> "flow_some".equals(w.get("elementId")))
                .singleElement()
                .satisfies(w -> assertThat((String) w.get("message"))
                        .contains("reads items, which no form field")
                        .endsWith("check for it: =items != null and some x in items satisfies x > 1"));
        assertThat(warnings)
                .filteredOn(w -> "flow_or".equals(w.get("elementId")))
                .singleElement()
                .satisfies(w -> assertThat((String) w.get("message"))
                        .doesNotContain("amount != null and amount != null")
                        .endsWith("or make the condition give true or false without it: its check for amount does"
                                + " not keep every part of it from reading amount"));
        assertThat(warnings)
                .filteredOn(w -> "flow_noted".equals(w.get("elementId")))
                .singleElement()
                .satisfies(w -> assertThat((String) w.get("message"))
                        .endsWith("=amount != null and callNote != null and amount > 100"));
    }

    /**
     * Session 44's probe: a condition that filters a list nothing sets ({@code items[item > 1]}) was deployed
     * without a warning, as Baton could not read a filter, though every run launched without the list stops at
     * the gateway. Filters, {@code every} and {@code for} over such a list are warned now, naming the list, not
     * {@code item} nor the bound name.
     */
    @Test
    void aConditionFilteringOrQuantifyingOverAnUnsetListIsWarned() {
        String bpmn = gatewayPlaybook(
                "Process_condition_filter",
                "Filtered conditions",
                conditionalFlow("flow_filter", "=count(items[item &gt; 1]) &gt; 0")
                        + conditionalFlow("flow_every", "=every x in items satisfies x &gt; 1")
                        + conditionalFlow("flow_for", "=count(for x in items return x) &gt; 0")
                        + conditionalFlow("flow_keys", "=callNote != null and deals[amount &gt; 100] != []"));

        List<Map<String, Object>> warnings =
                warningsOfDeployed(upload("ada", Map.of("filter.bpmn", bpmn, "renewal-call.form", FORM)));
        assertThat(warnings)
                .extracting(w -> w.get("elementId"))
                .containsExactlyInAnyOrder("flow_filter", "flow_every", "flow_for", "flow_keys");
        assertThat(warnings)
                .filteredOn(w -> !"flow_keys".equals(w.get("elementId")))
                .allSatisfy(w -> assertThat((String) w.get("message"))
                        .contains("reads items, which no form field")
                        .doesNotContain("item,", "x,", "reads x"));
        assertThat(warnings)
                .filteredOn(w -> "flow_keys".equals(w.get("elementId")))
                .singleElement()
                .satisfies(w -> assertThat((String) w.get("message")).contains("reads deals, which no form field"));
    }

    /**
     * Session 46's second probe: a variable a condition reads as a list and a step as one person can never be
     * given for both, and the upload said only, at each, what every launch must give. One warning names the
     * variable, both elements and the two kinds, wherever the upload's warnings are said.
     */
    @Test
    void aVariableAConditionReadsAsAListAndAStepAsOnePersonIsWarnedOnceNamingBoth() {
        String processId = "Process_kinds_clash";
        String bpmn = io.camunda.zeebe.model.bpmn.Bpmn.convertToString(
                io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess(processId)
                        .name("Reviewer read two ways")
                        .startEvent()
                        .userTask("task_review", t -> t.name("Review the deal").zeebeAssignee("=reviewer"))
                        .exclusiveGateway("gateway_more")
                        .name("Several reviewers?")
                        .sequenceFlowId("flow_more")
                        .condition("Yes", "=count(reviewer) > 1")
                        .userTask("task_more", t -> t.name("Compare reviews").zeebeCandidateGroups("sales-emea"))
                        .endEvent()
                        .moveToLastExclusiveGateway()
                        .defaultFlow()
                        .endEvent()
                        .done());

        List<Map<String, Object>> warnings = warningsOfDeployed(upload("ada", Map.of("clash.bpmn", bpmn)));

        String said = "no value of reviewer satisfies both step 'Review the deal' (task_review), which reads it as"
                + " one user name or e-mail address (its assignee is =reviewer), and the flow 'Yes' (flow_more) out"
                + " of 'Several reviewers?', which reads it as a list (its condition is '=count(reviewer) > 1'). Both"
                + " read what the launch gives (nothing in this playbook sets reviewer for them), so whatever it"
                + " gives, a run that reaches both stops at one of them, and Baton refuses a launch giving a value a"
                + " step's assignment cannot take. Use two variables, one for each";
        assertThat(warnings)
                .extracting(w -> w.get("elementId"), w -> w.get("message"))
                .contains(tuple("task_review", said))
                .noneMatch(w -> w.toList().toString().contains("every launch must give reviewer"));
        assertThat((List<Map<String, Object>>) as("maria")
                        .getForObject("/api/playbooks/" + processId + "/warnings", Map.class)
                        .get("warnings"))
                .extracting(w -> w.get("message"))
                .contains(said);
        assertThat(SignedIn.as(http, "maria").getForObject("/playbooks/" + processId, String.class))
                .contains("no value of reviewer satisfies both step");
    }

    /**
     * A playbook whose one step, "Call the customer" (the renewal call's form, team sales-emea), leads to the
     * gateway "Big deal?" ({@code gateway_deal}), whose default flow {@code flow_small} and the given {@code
     * flows} go to {@code end}.
     */
    private static String gatewayPlaybook(String processId, String name, String flows) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs"
                    targetNamespace="http://bpmn.io/schema/bpmn">
                <bpmn:process id="%s" name="%s" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:userTask id="task_call" name="Call the customer"><bpmn:extensionElements>
                  <zeebe:formDefinition formId="renewal-call-form" />
                  <zeebe:assignmentDefinition candidateGroups="sales-emea" /></bpmn:extensionElements></bpmn:userTask>
                <bpmn:exclusiveGateway id="gateway_deal" name="Big deal?" default="flow_small" />
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="flow_in" sourceRef="start" targetRef="task_call" />
                <bpmn:sequenceFlow id="flow_to_gateway" sourceRef="task_call" targetRef="gateway_deal" />
                %s
                <bpmn:sequenceFlow id="flow_small" sourceRef="gateway_deal" targetRef="end" />
                </bpmn:process>
                <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="%s" /></bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(processId, name, flows, processId);
    }

    private static String conditionalFlow(String id, String condition) {
        return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"gateway_deal\" targetRef=\"end\">"
                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" + condition
                + "</bpmn:conditionExpression></bpmn:sequenceFlow>";
    }

    /**
     * Session 43's probe: assignments of no variables beyond plain literals deployed although every run
     * stopped at the step (a context, functions and {@code if} giving text) or sent it to the admins'
     * unassigned work (an empty list, empty text, a lone {@code =}, an unknown team or user given by a
     * function). Each is refused now, as its plain equivalent is; an empty expression beside an assignee
     * who exists passes, as a blank attribute does.
     */
    @Test
    void anAssignmentExpressionOfNoVariablesThatFailsOrGivesNobodyIsRefused() {
        String file = good("Process_assign_nobody")
                .replace(
                        END_EVENT,
                        userTask("Activity_context", "candidateGroups=\"={a:&quot;sales-emea&quot;}\"")
                                + userTask("Activity_upper", "candidateGroups=\"=upper case(&quot;sales-emea&quot;)\"")
                                + userTask(
                                        "Activity_if",
                                        "candidateGroups=\"=if true then &quot;sales-emea&quot; else &quot;x&quot;\"")
                                + userTask("Activity_empty_list", "candidateGroups=\"=[]\"")
                                + userTask("Activity_lone_groups", "candidateGroups=\"=\"")
                                + userTask(
                                        "Activity_zzz",
                                        "candidateGroups=\"=concatenate([&quot;sales-emea&quot;],[&quot;zzz&quot;])\"")
                                + userTask("Activity_empty_text", "assignee=\"=&quot;&quot;\"")
                                + userTask("Activity_lone_assignee", "assignee=\"=\"")
                                + userTask("Activity_twelve", "assignee=\"=string(12)\"")
                                + userTask("Activity_beside", "candidateGroups=\"=[]\" assignee=\"maria\"")
                                + END_EVENT);

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("nobody-expr.bpmn", file, "renewal-call.form", FORM)));

        assertThat(problems)
                .extracting(p -> (String) p.get("elementId"))
                .doesNotContain("Activity_beside", "Activity_call", "Activity_confirm")
                .contains(
                        "Activity_context",
                        "Activity_upper",
                        "Activity_if",
                        "Activity_empty_list",
                        "Activity_lone_groups",
                        "Activity_zzz",
                        "Activity_empty_text",
                        "Activity_lone_assignee",
                        "Activity_twelve");
        assertThat(messages(problems))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the candidateGroups is the expression '={a:\"sales-emea\"}', which gives a"
                                + " context, not text, but the engine wants a list of team keys"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the candidateGroups is the expression '=upper case(\"sales-emea\")', which"
                                + " gives the text 'SALES-EMEA', but the engine wants a list"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the candidateGroups is the expression '=if true then \"sales-emea\" else"
                                + " \"x\"', which gives the text 'sales-emea', but the engine wants a list"))
                .anySatisfy(m -> assertThat(m)
                        .isEqualTo("the candidateGroups is the expression '=[]', which gives nobody (an empty"
                                + " list): every run's step would go to the admins' unassigned work. Name a person"
                                + " in assignee (=\"maria\" or maria), a team in candidate groups"
                                + " (=[\"sales-emea\"] or sales-emea), or an expression over the run (e.g."
                                + " =accountOwner)"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the candidateGroups is the expression '=', which gives nobody (nothing is"
                                + " written after the =): every run's step would go to the admins' unassigned work"))
                .anySatisfy(m -> assertThat(m).startsWith("the candidateGroups 'zzz' is no team in Baton"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the assignee is the expression '=\"\"', which gives nobody (empty text):"
                                + " every run's step would go to the admins' unassigned work"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the assignee is the expression '=', which gives nobody (nothing is written"
                                + " after the =)"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the assignee '12' names nobody: no person signs in to Baton as '12'"));
        assertThat(processDeployed("Process_assign_nobody")).isFalse();
    }

    /**
     * Session 44's probe: {@code assignee="="} (or {@code "=  "}) beside candidate groups deployed, and the engine
     * did not take it as no assignee. A blank expression is refused beside a team or person too, naming the step.
     */
    @Test
    void aBlankAssignmentExpressionBesideCandidatesIsRefusedNamingTheStep() {
        String file = goodWith(
                "Process_assign_blank",
                userTask("Activity_lone_beside", "assignee=\"=\" candidateGroups=\"sales-emea\"")
                        + userTask("Activity_spaces_beside", "assignee=\"=  \" candidateUsers=\"maria\"")
                        + userTask("Activity_groups_beside", "candidateGroups=\"=\" assignee=\"maria\"")
                        + "<bpmn:userTask id=\"Activity_unnamed\"><bpmn:extensionElements>"
                        + "<zeebe:assignmentDefinition assignee=\"=\" candidateGroups=\"sales-emea\" />"
                        + "</bpmn:extensionElements></bpmn:userTask>");

        ResponseEntity<List> response = upload("ada", Map.of("blank-expr.bpmn", file, "renewal-call.form", FORM));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<Map<String, Object>> problems = problems(response);
        assertThat(problems)
                .extracting(p -> (String) p.get("elementId"))
                .containsExactlyInAnyOrder(
                        "Activity_lone_beside", "Activity_spaces_beside", "Activity_groups_beside", "Activity_unnamed");
        assertThat(messages(problems))
                .contains("the assignee of 'Activity_lone_beside' is the expression '=', with nothing after the =:"
                        + " the engine does not read that as no assignee (a lone = is taken as the name '='), so the"
                        + " step would not be offered as its candidateGroups say. Leave assignee empty in Modeler"
                        + " (no =) or write one: =\"maria\", maria or =accountOwner")
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the assignee of 'Activity_spaces_beside' is the expression '=  ', with nothing")
                        .contains("as its candidateUsers say"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the candidateGroups of 'Activity_groups_beside' is the expression '='")
                        .endsWith("write one: =[\"sales-emea\"] or sales-emea"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("the assignee of step without a name (id Activity_unnamed) is the expression"));
        assertThat(processDeployed("Process_assign_blank")).isFalse();
    }

    /** Session 44: the upload page named a step without a name " (Activity_unnamed)", its id in brackets alone. */
    @Test
    void theUploadPageNamesAStepWithoutANameInWords() throws Exception {
        String file = goodWith(
                "Process_page_unnamed",
                "<bpmn:userTask id=\"Activity_unnamed\"><bpmn:extensionElements>"
                        + "<zeebe:assignmentDefinition assignee=\"=\" candidateGroups=\"sales-emea\" />"
                        + "</bpmn:extensionElements></bpmn:userTask>");

        uploadForm(
                        bpmnFile("unnamed.bpmn", file.getBytes(StandardCharsets.UTF_8)),
                        new MockMultipartFile(
                                "files",
                                "renewal-call.form",
                                "application/json",
                                FORM.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">step without a name (id Activity_unnamed)</strong>")))
                .andExpect(content().string(not(containsString("> (Activity_unnamed)</strong>"))));
        assertThat(processDeployed("Process_page_unnamed")).isFalse();
    }

    private static String userTask(String id, String assignment) {
        return "<bpmn:userTask id=\"" + id + "\" name=\"" + id + "\"><bpmn:extensionElements>"
                + "<zeebe:assignmentDefinition " + assignment + " /></bpmn:extensionElements></bpmn:userTask>";
    }

    /** A text expression of literals is refused whatever team it names; a list of Baton's teams runs. */
    @Test
    void aCandidateGroupsExpressionGivingOneTeamAsTextIsRefusedAndAsAListDeployed() {
        String asText = good("Process_assign_text")
                .replace("candidateGroups=\"sales-emea\"", "candidateGroups=\"=&quot;sales-emea&quot;\"");

        assertThat(messages(problems(upload("ada", Map.of("text.bpmn", asText, "renewal-call.form", FORM)))))
                .singleElement()
                .asString()
                .startsWith(
                        "the candidateGroups is the expression '=\"sales-emea\"', which gives the text 'sales-emea',"
                                + " but the engine wants a list");

        ResponseEntity<List> asList = upload(
                "ada",
                Map.of(
                        "text.bpmn",
                        asText.replace("=&quot;sales-emea&quot;", "=[&quot;sales-emea&quot;]"),
                        "renewal-call.form",
                        FORM));
        assertThat(asList.getStatusCode()).as("%s", asList.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** GOOD as the first pool of a collaboration, beside {@code participant} (with its {@code process}, if any). */
    private static String inCollaboration(String processId, String participant, String process) {
        return good(processId)
                .replace(
                        "<bpmn:process id=\"" + processId + "\"",
                        "<bpmn:collaboration id=\"Collaboration_1\"><bpmn:participant id=\"Participant_us\""
                                + " name=\"Revenue ops\" processRef=\"" + processId + "\" />" + participant
                                + "</bpmn:collaboration><bpmn:process id=\"" + processId + "\"")
                .replace("</bpmn:process>", "</bpmn:process>" + process)
                .replace("bpmnElement=\"" + processId + "\"", "bpmnElement=\"Collaboration_1\"");
    }

    /** Found by a probe: a multipart file name's folders (../../etc/p19.bpmn) were stored with the upload. */
    @Test
    void onlyTheNameAfterAFilesFoldersIsKeptAndANameOfFoldersOnlyIsRefused() {
        String bpmn = good("Process_folders");

        ResponseEntity<List> kept =
                upload("ada", Map.of("../../etc/p19.bpmn", bpmn, "..\\..\\x\\renewal-call.form", FORM));
        List<Map<String, Object>> refused =
                problems(upload("ada", Map.of("../../etc/", good("Process_no_name"), "renewal-call.form", FORM)));

        assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(uploads.findAll())
                .filteredOn(u -> u.getProcessIds().contains("Process_folders"))
                .singleElement()
                .satisfies(u -> {
                    assertThat(u.getBpmnName()).isEqualTo("p19.bpmn");
                    assertThat(u.getForms()).containsOnlyKeys("renewal-call.form");
                });
        assertThat(refused)
                .anySatisfy(p -> assertThat(p)
                        .containsEntry("elementName", "../../etc/")
                        .extractingByKey("message")
                        .asString()
                        .contains("nothing after its last folder"));
        assertThat(processDeployed("Process_no_name")).isFalse();
    }

    /** Found by a probe: an internal step failed at run time; a fake user task reached the unassigned queue. */
    @Test
    void aStepOfBatonsOwnOrOfTheEnginesUserTaskJobTypeIsRefused() {
        String file = goodWith(
                "Process_internal_steps",
                "<bpmn:serviceTask id=\"Activity_move\" name=\"Move the account\"><bpmn:extensionElements>"
                        + "<zeebe:taskDefinition type=\"baton-handover-transfer-ownership\" />"
                        + "</bpmn:extensionElements></bpmn:serviceTask>"
                        + "<bpmn:serviceTask id=\"Activity_fake\" name=\"Fake user task\"><bpmn:extensionElements>"
                        + "<zeebe:taskDefinition type=\"io.camunda.zeebe:userTask\" />"
                        + "</bpmn:extensionElements></bpmn:serviceTask>");

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("internal.bpmn", file, "renewal-call.form", FORM)));

        assertThat(problems)
                .extracting(p -> p.get("elementId"))
                .containsExactlyInAnyOrder("Activity_move", "Activity_fake");
        assertThat(messages(problems))
                .anySatisfy(m -> assertThat(m)
                        .contains("'baton-handover-transfer-ownership' is one of Baton's own steps")
                        .contains("Building blocks", "baton.send-email"))
                .anySatisfy(m -> assertThat(m).contains("'io.camunda.zeebe:userTask' is the engine's own"));
    }

    /** Found by a probe: an unknown role was accepted, and nobody of it could ever launch. */
    @Test
    void aLaunchRoleBatonDoesNotHaveIsRefusedNamingIt() {
        String file = good("Process_unknown_role")
                .replace(
                        "name=\"baton:launchRoles\" value=\"MANAGER\"", "name=\"baton:launchRoles\" value=\"GODMODE\"");

        assertThat(problems(upload("ada", Map.of("roles.bpmn", file, "renewal-call.form", FORM))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", "Process_unknown_role")
                        .containsEntry("elementName", "Renewal call Process_unknown_role")
                        .extractingByKey("message")
                        .asString()
                        .contains("'GODMODE'", "ADMIN, CS, MANAGER, REP, REVOPS"));
    }

    /**
     * Found by a probe: a playbook could set launchedBy itself (a form field, a mapping), so a block
     * acted with the rights of whoever it named. Refused, naming the form or the element and the variable.
     */
    @Test
    void aPlaybookThatSetsAVariableOnlyBatonSetsIsRefusedNamingWhereAndWhich() {
        String file = good("Process_sets_launcher")
                .replace(
                        END_EVENT,
                        "<bpmn:serviceTask id=\"Activity_check\" name=\"Check promises\"><bpmn:extensionElements>"
                                + "<zeebe:taskDefinition type=\"baton.check-commitments\" /><zeebe:ioMapping>"
                                + "<zeebe:output source=\"=&quot;ada&quot;\" target=\"launchedBy\" />"
                                + "</zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>"
                                + END_EVENT)
                .replace("formId=\"renewal-call-form\"", "formId=\"launcher-form\"");
        String form = FORM.replace("\"key\": \"callNote\"", "\"key\": \"launchedBy\"")
                .replace("renewal-call-form", "launcher-form"); // another form: an id of its own

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("launcher.bpmn", file, "renewal-call.form", form)));

        assertThat(problems)
                .extracting(p -> p.get("elementId"), p -> p.get("elementName"), p -> p.get("message"))
                .containsExactlyInAnyOrder(
                        tuple(
                                "Activity_check",
                                "Check promises",
                                "an output mapping (Outputs) writes launchedBy: launchedBy is set by Baton when the"
                                        + " playbook is launched; a playbook cannot set it. Use another variable name"),
                        tuple(
                                null,
                                "renewal-call.form",
                                "form 'launcher-form': textarea 'launchedBy': launchedBy is set by Baton when the"
                                        + " playbook is launched; a playbook cannot set it. Give the field another key"));
        assertThat(uploads.findAll()).noneMatch(u -> u.getProcessIds().contains("Process_sets_launcher"));
    }

    /**
     * Camunda Modeler draws every user task as a Camunda user task ({@code <zeebe:userTask />}, its
     * default since Camunda 8.6): such a playbook runs, its steps in Baton's inbox as the author drew
     * them (found by a probe: it was refused, so no playbook drawn with Modeler's defaults ran).
     */
    @Test
    void aPlaybookDrawnWithModelersDefaultCamundaUserTasksRunsThroughTheInbox() throws Exception {
        String processId = "Process_modeler_default";
        String drawn = good(processId)
                .replace(
                        "<zeebe:formDefinition formId=\"renewal-call-form\" />",
                        "<zeebe:userTask />\n        <zeebe:formDefinition formId=\"renewal-call-form\" />")
                .replace(
                        "<zeebe:assignmentDefinition assignee=\"maria\" />",
                        "<zeebe:assignmentDefinition assignee=\"maria\" />\n        <zeebe:userTask></zeebe:userTask>");
        assertThat(drawn).contains("<zeebe:userTask />", "<zeebe:userTask></zeebe:userTask>");

        ResponseEntity<List> uploaded = upload("ada", Map.of("drawn.bpmn", drawn, "renewal-call.form", FORM));

        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        long instance = ((Number) as("maria")
                        .postForEntity("/api/playbooks/" + processId + "/instances", Map.of(), Map.class)
                        .getBody()
                        .get("processInstanceKey"))
                .longValue();
        Task call = awaitTaskOf(instance);
        assertThat(call.getElementId()).isEqualTo("Activity_call");
        assertThat(call.getCandidateGroups()).containsExactly("sales-emea");
        assertThat(call.getFormKey()).as("the linked form").isNotBlank();
        assertThat(post("rob", call, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("rob")
                        .postForEntity(
                                "/api/tasks/" + call.getId() + "/complete", Map.of("callNote", "Renews"), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Task confirm = await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getProcessInstanceKey() == instance
                                        && t.getElementId().equals("Activity_confirm"))
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
        assertThat(confirm.getAssignee()).isEqualTo("maria");
        assertThat(as("maria")
                        .postForEntity("/api/tasks/" + confirm.getId() + "/complete", Map.of(), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        awaitProcessCompleted(instance);
    }

    @Test
    void taskListenersWhichOnlyACamundaUserTaskRunsAreRefusedNamingTheTask() {
        String drawn = good("Process_listeners")
                .replace(
                        "<zeebe:assignmentDefinition assignee=\"maria\" />",
                        "<zeebe:assignmentDefinition assignee=\"maria\" /><zeebe:userTask />"
                                + "<zeebe:taskListeners><zeebe:taskListener eventType=\"completing\""
                                + " type=\"check-confirmation\" /></zeebe:taskListeners>");

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("listeners.bpmn", drawn, "renewal-call.form", FORM)));

        assertThat(problems)
                .filteredOn(p -> "Activity_confirm".equals(p.get("elementId")))
                .extracting(p -> (String) p.get("message"))
                .anySatisfy(m -> assertThat(m).contains("task listeners", "would never run"));
        assertThat(uploads.findAll()).noneMatch(u -> u.getProcessIds().contains("Process_listeners"));
    }

    @Test
    void onlyAdminsUpload() {
        assertThat(upload("maria", Map.of("x.bpmn", GOOD)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void everyProblemOfAFileIsListedAtOnceWithItsElement() {
        String bad = good("Process_many_problems")
                .replace("<zeebe:assignmentDefinition assignee=\"maria\" />", "<zeebe:userTask />")
                .replace("formId=\"renewal-call-form\"", "formId=\"no-such-form\"")
                .replace(
                        END_EVENT,
                        "<bpmn:serviceTask id=\"Activity_crm\" name=\"Update the CRM\"><bpmn:extensionElements>"
                                + "<zeebe:taskDefinition type=\"crm-sync\" /></bpmn:extensionElements></bpmn:serviceTask>"
                                + END_EVENT)
                .replaceAll("(?s)<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", "");

        List<Map<String, Object>> problems = problems(upload("ada", Map.of("bad.bpmn", bad)));

        assertThat(problems)
                .extracting(p -> p.get("elementId"), p -> p.get("elementName"))
                .contains(
                        tuple("Activity_call", "Call the customer"), // the form with id no-such-form
                        tuple("Activity_confirm", "Confirm the renewal"), // nobody assigned
                        tuple("Activity_crm", "Update the CRM"), // no worker for crm-sync
                        tuple(null, "bad.bpmn")); // no diagram
        assertThat(messages(problems))
                .anySatisfy(m -> assertThat(m).contains("no-such-form", "missing"))
                .anySatisfy(m -> assertThat(m).contains("nobody is assigned"))
                .anySatisfy(m -> assertThat(m).contains("'crm-sync'", "no worker"))
                .anySatisfy(m -> assertThat(m).contains("no diagram"));
        assertThat(uploads.findAll()).noneMatch(u -> u.getProcessIds().contains("Process_many_problems"));
    }

    @Test
    void stepsThatWouldWaitForeverAreRefusedAndTheirValidVariantsDeployed() {
        String hostile = good("Process_waits_forever")
                .replace(
                        END_EVENT,
                        steps("does-not-exist", "no-worker")
                                + "<bpmn:businessRuleTask id=\"Activity_rule\" name=\"Score the account\"><bpmn:extensionElements>"
                                + "<zeebe:calledDecision decisionId=\"nope\" resultVariable=\"score\" /></bpmn:extensionElements>"
                                + "</bpmn:businessRuleTask><bpmn:endEvent id=\"EndEvent_1\" name=\"Renewal confirmed\">");
        String valid = goodWith("Process_calls_and_constant_type", steps("sample-review", "baton.check-commitments"));

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("hostile.bpmn", hostile, "renewal-call.form", FORM)));
        ResponseEntity<List> deployed = upload("ada", Map.of("valid.bpmn", valid, "renewal-call.form", FORM));

        assertThat(problems)
                .extracting(p -> p.get("elementId"), p -> p.get("elementName"))
                .containsExactlyInAnyOrder(
                        tuple("Activity_subprocess", "Run the sub-playbook"),
                        tuple("Activity_sync", "Sync the CRM"),
                        tuple("Activity_rule", "Score the account"));
        assertThat(messages(problems))
                .anySatisfy(m -> assertThat(m).contains("'does-not-exist'", "neither deployed nor in this file"))
                .anySatisfy(m -> assertThat(m).contains("'no-worker'", "no worker"))
                .anySatisfy(m -> assertThat(m).contains("'nope'", "does not run decisions"));
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /** A call activity calling {@code processId} and a service task whose job type is a FEEL string literal. */
    private static String steps(String processId, String jobType) {
        return "<bpmn:callActivity id=\"Activity_subprocess\" name=\"Run the sub-playbook\"><bpmn:extensionElements>"
                + "<zeebe:calledElement processId=\"" + processId + "\" /></bpmn:extensionElements></bpmn:callActivity>"
                + "<bpmn:serviceTask id=\"Activity_sync\" name=\"Sync the CRM\"><bpmn:extensionElements>"
                + "<zeebe:taskDefinition type=\"=&quot;" + jobType + "&quot;\" /></bpmn:extensionElements>"
                + "</bpmn:serviceTask>";
    }

    /**
     * Found by a probe: {@code =today() + duration("P2D")} as a step's due date (today() is a date)
     * was accepted, and every run stopped at the step as an incident. It is refused naming the step
     * and the way to write it; that way, drawn with Modeler's default Camunda user task, runs with the
     * step due two days after it starts.
     */
    @Test
    void aDueDateThatGivesADateIsRefusedAndOneThatGivesADateAndTimeRuns() throws Exception {
        String today = good("Process_due_today")
                .replace(
                        "<zeebe:formDefinition formId=\"renewal-call-form\" />",
                        "<zeebe:userTask /><zeebe:formDefinition formId=\"renewal-call-form\" />"
                                + "<zeebe:taskSchedule dueDate=\"=today() + duration(&quot;P2D&quot;)\" />");
        String now = today.replace("Process_due_today", "Process_due_now").replace("today()", "now()");

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("today.bpmn", today, "renewal-call.form", FORM)));
        ResponseEntity<List> uploaded = upload("ada", Map.of("now.bpmn", now, "renewal-call.form", FORM));

        assertThat(problems)
                .extracting(p -> p.get("elementId"), p -> p.get("elementName"))
                .containsExactly(tuple("Activity_call", "Call the customer"));
        assertThat(messages(problems).getFirst())
                .isEqualTo("'Call the customer' (Activity_call) has the due date =today() + duration(\"P2D\"),"
                        + " which gives a date without a time: write =now() + duration(\"P2D\") or a date and time"
                        + " such as 2026-12-24T17:00:00+01:00. The run would stop at this step, as an incident");
        assertThat(processDeployed("Process_due_today")).isFalse();
        assertThat(uploads.findAll()).noneMatch(u -> u.getProcessIds().contains("Process_due_today"));
        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        long instance = ((Number) as("maria")
                        .postForEntity("/api/playbooks/Process_due_now/instances", Map.of(), Map.class)
                        .getBody()
                        .get("processInstanceKey"))
                .longValue();
        Task call = awaitTaskOf(instance);
        // now() is the engine's clock, which other tests of this shared engine may have moved on (timers):
        // the instance's own start record says where it stood
        Instant started = StreamSupport.stream(
                        records().processInstanceRecords().spliterator(), false)
                .filter(r -> r.getKey() == instance
                        && r.getIntent()
                                == io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_ACTIVATING)
                .map(r -> Instant.ofEpochMilli(r.getTimestamp()))
                .findFirst()
                .orElseThrow();
        assertThat(call.getDueAt())
                .isBetween(
                        started.plus(Duration.ofDays(2)).minusSeconds(60),
                        started.plus(Duration.ofDays(2)).plusSeconds(60));
    }

    /**
     * Session 39's probe: a 10,750-character process name was accepted, and the catalogue grew to 5,570 px. It is
     * refused at the process, naming the limit and the length; nothing is deployed or kept.
     */
    @Test
    void aPlaybookNameOver200CharactersIsRefusedNamingTheLimitAndTheLength() {
        String processId = "Process_huge_name";
        String huge = "Quarterly business review deck preparation ".repeat(250);
        String bpmn = good(processId).replace("name=\"Renewal call " + processId + "\"", "name=\"" + huge + "\"");

        assertThat(problems(upload("ada", Map.of("huge-name.bpmn", bpmn, "renewal-call.form", FORM))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", processId)
                        .extractingByKey("message")
                        .asString()
                        .startsWith("the name of the playbook is 10,750 characters long; Baton takes names of at most"
                                + " 200 characters"));
        assertThat(processDeployed(processId)).isFalse();
        assertThat(uploads.findAll()).noneMatch(u -> u.getProcessIds().contains(processId));
    }

    /**
     * Session 39's probe (model 13): an escalation boundary on a user task was refused in the engine's words only,
     * saying nothing of what to draw instead. It is refused once, in Baton's words.
     */
    @Test
    void anEscalationBoundaryOnAUserTaskIsRefusedSayingWhatToDrawInstead() {
        String processId = "Process_escalation_on_task";
        String bpmn = good(processId)
                .replace(
                        "<bpmn:endEvent id=\"EndEvent_1\"",
                        "<bpmn:boundaryEvent id=\"Event_vip\" name=\"VIP buyer\" attachedToRef=\"Activity_call\""
                                + " cancelActivity=\"false\"><bpmn:outgoing>Flow_vip</bpmn:outgoing>"
                                + "<bpmn:escalationEventDefinition /></bpmn:boundaryEvent>"
                                + "<bpmn:sequenceFlow id=\"Flow_vip\" sourceRef=\"Event_vip\" targetRef=\"EndEvent_1\" />"
                                + "<bpmn:endEvent id=\"EndEvent_1\"");

        assertThat(problems(upload("ada", Map.of("escalation-on-task.bpmn", bpmn, "renewal-call.form", FORM))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", "Event_vip")
                        .extractingByKey("message")
                        .asString()
                        .startsWith("the escalation boundary event 'VIP buyer' (Event_vip) on 'Call the customer'"
                                + " (Activity_call) can never be taken: Baton completes a user task")
                        .contains("a timer boundary event", "a gateway")
                        .doesNotContain("should only be attached"));
        assertThat(processDeployed(processId)).isFalse();
    }

    /**
     * Session 39's probe (model 11b): baton.update-account's renewalDate written as 2020-01-01 was accepted, and
     * every run stopped at the step, as the block refuses a past date. It is refused at upload, naming the step and
     * the input.
     */
    @Test
    void aBuildingBlocksDateWrittenInThePastIsRefusedNamingTheStepAndTheInput() {
        String processId = "Process_past_renewal_date";
        String bpmn = good(processId)
                .replace(
                        "<bpmn:endEvent id=\"EndEvent_1\"",
                        "<bpmn:serviceTask id=\"Activity_renew\" name=\"Set renewal date\">"
                                + "<bpmn:extensionElements><zeebe:taskDefinition type=\"baton.update-account\" />"
                                + "<zeebe:ioMapping><zeebe:input source=\"2020-01-01\" target=\"renewalDate\" />"
                                + "</zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>"
                                + "<bpmn:endEvent id=\"EndEvent_1\"");

        assertThat(problems(upload("ada", Map.of("past-renewal.bpmn", bpmn, "renewal-call.form", FORM))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", "Activity_renew")
                        .containsEntry("elementName", "Set renewal date")
                        .extractingByKey("message")
                        .asString()
                        .startsWith("the input 'renewalDate' of baton.update-account is '2020-01-01', which is in the"
                                + " past (today is " + java.time.LocalDate.now() + "): the block refuses it"));
        assertThat(processDeployed(processId)).isFalse();
        assertThat(uploads.findAll()).noneMatch(u -> u.getProcessIds().contains(processId));
    }

    /**
     * Found by a probe: error boundaries (catch-all, and for BAD_INPUT) on {@code baton.update-account}
     * were accepted; a past renewal date stopped the run as an incident, and the boundaries' path was
     * never taken, as no building block throws a BPMN error. One on a call activity may fire and deploys.
     */
    @Test
    void anErrorBoundaryOnABuildingBlockIsRefusedAndOneOnACallActivityDeployed() {
        String block = "<bpmn:serviceTask id=\"Activity_renewal_date\" name=\"Set renewal date\">"
                + "<bpmn:extensionElements><zeebe:taskDefinition type=\"baton.update-account\" /><zeebe:ioMapping>"
                + "<zeebe:input source=\"=renewalDate\" target=\"renewalDate\" /></zeebe:ioMapping>"
                + "</bpmn:extensionElements></bpmn:serviceTask>"
                + "<bpmn:boundaryEvent id=\"Event_update_failed\" name=\"Update failed\""
                + " attachedToRef=\"Activity_renewal_date\"><bpmn:outgoing>Flow_failed</bpmn:outgoing>"
                + "<bpmn:errorEventDefinition id=\"Def_any\" /></bpmn:boundaryEvent>"
                + "<bpmn:boundaryEvent id=\"Event_bad_input\" name=\"Bad input\""
                + " attachedToRef=\"Activity_renewal_date\"><bpmn:outgoing>Flow_bad_input</bpmn:outgoing>"
                + "<bpmn:errorEventDefinition id=\"Def_bad_input\" errorRef=\"Error_bad_input\" /></bpmn:boundaryEvent>"
                + "<bpmn:sequenceFlow id=\"Flow_failed\" sourceRef=\"Event_update_failed\" targetRef=\"EndEvent_1\" />"
                + "<bpmn:sequenceFlow id=\"Flow_bad_input\" sourceRef=\"Event_bad_input\" targetRef=\"EndEvent_1\" />";
        String onBlock = good("Process_block_boundary")
                .replace("<bpmn:endEvent id=\"EndEvent_1\"", block + "<bpmn:endEvent id=\"EndEvent_1\"")
                .replace(
                        "</bpmn:process>",
                        "</bpmn:process><bpmn:error id=\"Error_bad_input\" name=\"Bad input\" errorCode=\"BAD_INPUT\" />");
        String onCall = onBlock.replace("Process_block_boundary", "Process_call_boundary")
                .replace(
                        "<bpmn:serviceTask id=\"Activity_renewal_date\" name=\"Set renewal date\">"
                                + "<bpmn:extensionElements><zeebe:taskDefinition type=\"baton.update-account\" />",
                        "<bpmn:callActivity id=\"Activity_renewal_date\" name=\"Set renewal date\">"
                                + "<bpmn:extensionElements><zeebe:calledElement processId=\"sample-review\" />")
                .replace(
                        "</bpmn:extensionElements></bpmn:serviceTask>",
                        "</bpmn:extensionElements></bpmn:callActivity>");

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("on-block.bpmn", onBlock, "renewal-call.form", FORM)));
        ResponseEntity<List> deployed = upload("ada", Map.of("on-call.bpmn", onCall, "renewal-call.form", FORM));

        assertThat(problems)
                .extracting(p -> p.get("elementId"), p -> p.get("elementName"))
                .containsExactly(tuple("Event_update_failed", "Update failed"), tuple("Event_bad_input", "Bad input"));
        assertThat(messages(problems).getFirst())
                .startsWith("the error boundary event 'Update failed' (Event_update_failed) on 'Set renewal date'"
                        + " (Activity_renewal_date) can never be taken: Baton's building blocks throw no BPMN errors;"
                        + " a block that fails stops the run as an incident")
                .endsWith("To branch on a result, use the block's output and a gateway");
        assertThat(processDeployed("Process_block_boundary")).isFalse();
        assertThat(uploads.findAll()).noneMatch(u -> u.getProcessIds().contains("Process_block_boundary"));
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /**
     * Found by a probe: an error boundary on an embedded subprocess holding only a user task was
     * accepted, though nothing inside could throw. With an error end event inside, it may fire, and deploys.
     */
    @Test
    void anErrorBoundaryOnASubprocessNothingInsideThrowsIsRefusedAndOneWithAnErrorEndEventDeployed() {
        String sub = "<bpmn:subProcess id=\"Activity_prepare\" name=\"Prepare the renewal\">"
                + "<bpmn:startEvent id=\"Event_prepare_start\" />"
                + "<bpmn:sequenceFlow id=\"Flow_p1\" sourceRef=\"Event_prepare_start\" targetRef=\"Activity_quote\" />"
                + "<bpmn:userTask id=\"Activity_quote\" name=\"Quote\"><bpmn:extensionElements>"
                + "<zeebe:assignmentDefinition assignee=\"maria\" /></bpmn:extensionElements></bpmn:userTask>"
                + "<bpmn:sequenceFlow id=\"Flow_p2\" sourceRef=\"Activity_quote\" targetRef=\"Event_prepare_end\" />"
                + "<bpmn:endEvent id=\"Event_prepare_end\" /></bpmn:subProcess>"
                + "<bpmn:boundaryEvent id=\"Event_prepare_failed\" name=\"Preparation failed\""
                + " attachedToRef=\"Activity_prepare\"><bpmn:errorEventDefinition id=\"Def_failed\" />"
                + "</bpmn:boundaryEvent>"
                + "<bpmn:sequenceFlow id=\"Flow_prepared\" sourceRef=\"Activity_prepare\" targetRef=\"EndEvent_1\" />"
                + "<bpmn:sequenceFlow id=\"Flow_failed\" sourceRef=\"Event_prepare_failed\" targetRef=\"EndEvent_1\" />";
        String nothingThrows = good("Process_sub_boundary")
                .replace(
                        "<bpmn:sequenceFlow id=\"Flow_3\" sourceRef=\"Activity_confirm\" targetRef=\"EndEvent_1\" />",
                        "<bpmn:sequenceFlow id=\"Flow_3\" sourceRef=\"Activity_confirm\" targetRef=\"Activity_prepare\" />"
                                + sub);
        String throwsInside = nothingThrows
                .replace("Process_sub_boundary", "Process_sub_throws")
                .replace(
                        "<bpmn:endEvent id=\"Event_prepare_end\" />",
                        "<bpmn:endEvent id=\"Event_prepare_end\"><bpmn:errorEventDefinition errorRef=\"Error_no_quote\" />"
                                + "</bpmn:endEvent>")
                .replace(
                        "</bpmn:process>",
                        "</bpmn:process><bpmn:error id=\"Error_no_quote\" name=\"No quote\" errorCode=\"NO_QUOTE\" />");

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("sub.bpmn", nothingThrows, "renewal-call.form", FORM)));
        ResponseEntity<List> deployed = upload("ada", Map.of("throws.bpmn", throwsInside, "renewal-call.form", FORM));

        assertThat(problems)
                .extracting(p -> p.get("elementId"), p -> p.get("elementName"))
                .containsExactly(tuple("Event_prepare_failed", "Preparation failed"));
        assertThat(messages(problems).getFirst())
                .startsWith("the error boundary event 'Preparation failed' (Event_prepare_failed) on the subprocess"
                        + " 'Prepare the renewal' (Activity_prepare) can never be taken: nothing inside it throws a"
                        + " BPMN error (no error end event, no call activity)")
                .endsWith("To branch on a result, use the block's output and a gateway");
        assertThat(processDeployed("Process_sub_boundary")).isFalse();
        assertThat(uploads.findAll()).noneMatch(u -> u.getProcessIds().contains("Process_sub_boundary"));
        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    @Timeout(
            value = 120,
            unit = TimeUnit.SECONDS,
            threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a safety net only:
    // the old code evaluated the loop, for many minutes
    void aNameGivenAsAnExpressionBeyondLiteralsIsRefusedWithoutBeingEvaluated() {
        String loop = "=for i in 1..100000000 return i";
        String nested = "=" + "(".repeat(300) + "&quot;sample-review&quot;" + ")".repeat(300);
        String file = goodWith(
                "Process_costly_names",
                "<bpmn:callActivity id=\"Activity_loop_call\" name=\"Call a loop\"><bpmn:extensionElements>"
                        + "<zeebe:calledElement processId=\"" + loop + "\" /></bpmn:extensionElements>"
                        + "</bpmn:callActivity>"
                        + "<bpmn:serviceTask id=\"Activity_loop_type\" name=\"Loop type\"><bpmn:extensionElements>"
                        + "<zeebe:taskDefinition type=\"" + loop + "\" /></bpmn:extensionElements>"
                        + "</bpmn:serviceTask>"
                        + "<bpmn:serviceTask id=\"Activity_nested\" name=\"Nested type\"><bpmn:extensionElements>"
                        + "<zeebe:taskDefinition type=\"" + nested + "\" /></bpmn:extensionElements>"
                        + "</bpmn:serviceTask>");

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("costly.bpmn", file, "renewal-call.form", FORM)));

        assertThat(problems)
                .extracting(p -> p.get("elementId"), p -> p.get("elementName"))
                .containsExactlyInAnyOrder(
                        tuple("Activity_loop_call", "Call a loop"),
                        tuple("Activity_loop_type", "Loop type"),
                        tuple("Activity_nested", "Nested type"));
        assertThat(messages(problems)).allSatisfy(m -> assertThat(m).contains("Baton does not evaluate"));
        assertThat(uploads.findAll()).noneMatch(u -> u.getProcessIds().contains("Process_costly_names"));
    }

    @Test
    void aCamunda7FileIsNamedAsSuchWithTheEngineModelsOwnFindings() {
        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("old.bpmn", read("playbooks/startup/startup-camunda7.bpmn"))));

        assertThat(messages(problems).getFirst()).contains("Camunda 7");
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .containsEntry("elementId", "Activity_sync")
                        .containsEntry("elementName", "Sync to CRM")
                        .extractingByKey("message")
                        .asString()
                        .contains("camunda:class"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .containsEntry("elementId", "Activity_sync")
                        .extractingByKey("message")
                        .asString()
                        .contains("no job type", "Task definition → Job type"));
    }

    @Test
    void theEnginesOwnRefusalIsMappedToItsElement() {
        String badFeel = good("Process_bad_feel")
                .replace(
                        "<zeebe:assignmentDefinition assignee=\"maria\" />",
                        "<zeebe:assignmentDefinition assignee=\"maria\" /><zeebe:taskSchedule dueDate=\"=renewalDate +\" />");

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("feel.bpmn", badFeel, "renewal-call.form", FORM)));

        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", "Activity_confirm")
                        .containsEntry("elementName", "Confirm the renewal")
                        .extractingByKey("message")
                        .asString()
                        .contains("failed to parse expression 'renewalDate +'"));
    }

    @Test
    void xmlWithADoctypeIsRefusedWithoutBeingRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + GOOD.substring(GOOD.indexOf("?>") + 2).replace("Call the customer", "&secret;");

        List<Map<String, Object>> problems = problems(upload("ada", Map.of("xxe.bpmn", xxe)));

        assertThat(messages(problems))
                .singleElement()
                .asString()
                .contains("DOCTYPE")
                .doesNotContain("root:");
    }

    @Test
    void notBpmnNotXmlAndTooLargeAreRefused() {
        assertThat(messages(problems(upload("ada", Map.of("note.bpmn", "<note>hello</note>")))))
                .singleElement()
                .asString()
                .contains("not a BPMN file");
        assertThat(messages(problems(upload("ada", Map.of("text.bpmn", "just some text")))))
                .singleElement()
                .asString()
                .contains("not well-formed XML");
        String huge = GOOD.replace("</bpmn:definitions>", "<!--" + "x".repeat(1_100_000) + "--></bpmn:definitions>");
        assertThat(problems(upload("ada", Map.of("huge.bpmn", huge))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementName", "huge.bpmn")
                        .extractingByKey("message")
                        .asString()
                        .contains("over 1024 KB"));
        assertThat(messages(problems(upload("ada", Map.of("renewal-call.form", FORM)))))
                .singleElement()
                .asString()
                .contains("exactly one .bpmn file");
    }

    /**
     * Found by a hostile probe: a UTF-16 file was deployed, then the database refused its text (NUL
     * bytes), a 409 with the playbook running but not kept; an ISO-8859-1 one was kept with "Prüfung"
     * as "Pr\uFFFDfung". Each is decoded as its XML declaration (or byte order mark) says, and the same
     * UTF-8 text is deployed, kept and shown; a form saved as UTF-16 by a text editor likewise.
     */
    @Test
    void aFileSavedInUtf16OrIso88591IsDeployedAndKeptAsTheTextItHolds() throws Exception {
        String utf16 = good("Process_utf16")
                .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                .replace("Call the customer", "Prüfung beim Kunden")
                .replace("renewal-call-form", "utf16-form"); // a changed form: an id of its own
        String latin1 = good("Process_latin1")
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                .replace("Call the customer", "Prüfung beim Kunden");
        Map<String, byte[]> utf16Files = new java.util.LinkedHashMap<>();
        utf16Files.put("utf16.bpmn", withBom(utf16));
        utf16Files.put(
                "renewal-call.form",
                withBom(FORM.replace("What did the customer say?", "Notizen zur Prüfung")
                        .replace("renewal-call-form", "utf16-form")));

        ResponseEntity<Object> fromUtf16 =
                as("ada").postForEntity("/api/playbooks", Multipart.files("files", utf16Files), Object.class);
        ResponseEntity<Object> fromLatin1 = as("ada")
                .postForEntity(
                        "/api/playbooks",
                        Multipart.files(
                                "files",
                                Map.of(
                                        "latin1.bpmn",
                                        latin1.getBytes(StandardCharsets.ISO_8859_1),
                                        "renewal-call.form",
                                        FORM.getBytes(StandardCharsets.UTF_8))),
                        Object.class);

        assertThat(fromUtf16.getStatusCode()).as("%s", fromUtf16.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(fromLatin1.getStatusCode()).as("%s", fromLatin1.getBody()).isEqualTo(HttpStatus.CREATED);
        for (String processId : List.of("Process_utf16", "Process_latin1")) {
            PlaybookUpload kept = uploads.findAll().stream()
                    .filter(u -> u.getProcessIds().contains(processId))
                    .findFirst()
                    .orElseThrow();
            assertThat(kept.getBpmn())
                    .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                    .contains("Prüfung beim Kunden")
                    .doesNotContain("\uFFFD", "\uFEFF");
            assertThat(as("ada").getForObject("/api/playbooks/" + processId + "/xml", String.class))
                    .isEqualTo(kept.getBpmn());
        }
        assertThat(uploads.findAll())
                .filteredOn(u -> u.getProcessIds().contains("Process_utf16"))
                .singleElement()
                .satisfies(u -> assertThat(u.getForms().get("renewal-call.form"))
                        .startsWith("{")
                        .contains("Notizen zur Prüfung"));
        assertThat(service.kept())
                .filteredOn(f -> f.bpmnName().equals("latin1.bpmn"))
                .singleElement()
                .satisfies(f -> assertThat(new String(f.bpmn(), StandardCharsets.UTF_8))
                        .contains("encoding=\"UTF-8\"", "Prüfung beim Kunden"));
    }

    /**
     * Found by the session 35 probe: a second playbook bringing another form under the first one's
     * form id replaced it (the engine links a form id to its newest version), and the first playbook's
     * step asked for the other form's fields. The playbook that deployed it may change it.
     */
    @Test
    void aFormIdAnotherPlaybookDeployedIsRefusedNamingBothAndItsOwnPlaybookMayChangeIt() {
        String owner = good("Process_form_owner").replace("renewal-call-form", "shared-call-form");
        String taker = owner.replace("Process_form_owner", "Process_form_taker");
        String form = FORM.replace("renewal-call-form", "shared-call-form");
        String changed = form.replace("What did the customer say?", "What colour is the logo?");
        assertThat(upload("ada", Map.of("owner.bpmn", owner, "shared.form", form))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        List<Map<String, Object>> problems =
                problems(upload("ada", Map.of("taker.bpmn", taker, "shared.form", changed)));

        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementName", "shared.form")
                        .extractingByKey("message")
                        .asString()
                        .contains(
                                "the form id 'shared-call-form' is already deployed by the playbook 'Process_form_owner'",
                                "this playbook ('Process_form_taker') would replace that form"));
        assertThat(processDeployed("Process_form_taker")).isFalse();
        assertThat(upload("ada", Map.of("owner.bpmn", owner, "shared.form", changed))
                        .getStatusCode())
                .as("a new version of the playbook that deployed it")
                .isEqualTo(HttpStatus.CREATED);
    }

    /** The upload form: the old code answered a UTF-16 file with "Something went wrong" (a 500). */
    @Test
    void theUploadFormDeploysAUtf16FileAndListsWhatBatonCannotKeep() throws Exception {
        String utf16 = good("Process_utf16_page").replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");

        uploadForm(
                        bpmnFile("page.bpmn", withBom(utf16)),
                        new MockMultipartFile(
                                "files",
                                "renewal-call.form",
                                "application/json",
                                FORM.getBytes(StandardCharsets.UTF_8)))
                .andExpect(redirectedUrl("/playbooks/Process_utf16_page"));
        uploadForm(bpmnFile("y".repeat(260) + ".bpmn", GOOD.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("rename the file")));
    }

    /**
     * A deployment cannot be taken back: what Baton could not keep is refused before the engine sees
     * it. The old code deployed first, then the database refused the row (a 409, the playbook running
     * until the next start).
     */
    @Test
    void aPlaybookBatonCannotKeepIsRefusedBeforeTheEngineGetsIt() {
        String longName = "x".repeat(300) + ".bpmn";
        // one process (a playbook is one) whose id alone is over the 1000 characters the column keeps
        String longId = "Process_long_" + "y".repeat(1000);
        String oneLongId = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions"
                + " xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" id=\"defs\""
                + " targetNamespace=\"http://bpmn.io/schema/bpmn\"><bpmn:process id=\"" + longId
                + "\" isExecutable=\"true\"><bpmn:startEvent id=\"start_0\" /></bpmn:process>"
                + "<bpmndi:BPMNDiagram id=\"diagram\"><bpmndi:BPMNPlane id=\"plane\" bpmnElement=\"" + longId
                + "\" /></bpmndi:BPMNDiagram></bpmn:definitions>";

        List<Map<String, Object>> name =
                problems(upload("ada", Map.of(longName, good("Process_long_name"), "renewal-call.form", FORM)));
        List<Map<String, Object>> ids = problems(upload("ada", Map.of("many.bpmn", oneLongId)));

        assertThat(messages(name)).singleElement().asString().contains("305 characters", "rename the file");
        // since session 39 an id over 200 characters (what the task table keeps) is refused first, at the process
        assertThat(messages(ids)).singleElement().asString().contains("1,013 characters long", "IDs of at most 200");
        assertThat(processDeployed("Process_long_name")).isFalse();
        assertThat(processDeployed(longId)).isFalse();
        assertThat(uploads.findAll())
                .noneMatch(
                        u -> u.getBpmnName().equals(longName) || u.getBpmnName().equals("many.bpmn"));
    }

    /**
     * The database can still fail the commit after the engine accepted the file (here a deferred
     * trigger refuses the row at commit). The old code left the new version in the engine, unknown to
     * Baton (a call activity's "latest" would run it) and shown in the catalogue until the next start.
     * Now the new version and the new form are deleted from the engine: the latest is the kept version
     * again, the catalogue and the stored uploads are unchanged, and the upload answers with a problem.
     */
    @Test
    void aVersionTheDatabaseDoesNotCommitIsDeletedFromTheEngineAgain(CapturedOutput output) {
        String processId = "Process_upload_uncommitted";
        String bpmn = good(processId);
        String form = FORM.replace("renewal-call-form", "uncommitted-form");
        assertThat(upload("ada", Map.of("kept-first.bpmn", bpmn, "renewal-call.form", FORM))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        long kept = deployedPlaybooks.latest(processId).orElseThrow().definitionKey();
        long uploadsBefore = uploads.count();
        List<Long> formsBefore = formKeys("renewal-call-form");

        ResponseEntity<List> refused = withCommitRefused(() -> upload(
                "ada",
                Map.of(
                        "uncommitted-" + processId + ".bpmn",
                        bpmn.replace("Call the customer", "Phone the customer")
                                .replace(
                                        "<zeebe:assignmentDefinition assignee=\"maria\" />",
                                        "<zeebe:formDefinition formId=\"uncommitted-form\" />"
                                                + "<zeebe:assignmentDefinition assignee=\"maria\" />"),
                        "uncommitted.form",
                        form,
                        "renewal-call.form",
                        FORM)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat((Map<String, Object>) refused.getBody().getFirst())
                .containsEntry("title", "Internal error")
                .doesNotContainKey("trace");
        long unkept = versionKeys(processId).stream()
                .filter(key -> key != kept)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the engine never got the second version"));
        long unkeptForm = formKeys("uncommitted-form").getFirst();
        // a deployment with a changed file makes its unchanged form a new version too: that one goes as well
        List<Long> unkeptSameForm = formKeys("renewal-call-form").stream()
                .filter(key -> !formsBefore.contains(key))
                .toList();
        assertThat(unkeptSameForm).hasSize(1);
        assertThat(deletedKeys())
                .contains(unkept, unkeptForm)
                .containsAll(unkeptSameForm)
                .doesNotContain(kept)
                .doesNotContainAnyElementsOf(formsBefore);
        // the in-memory engine deletes but never answers DeleteResource: Baton says it could not confirm
        assertThat(output.getOut())
                .contains("Playbook uncommitted-" + processId + ".bpmn may still be in the engine")
                .contains(unkept + "=process " + processId + " v2");
        assertThat(deployedPlaybooks.versions(processId))
                .extracting(dev.baton.engine.DeployedPlaybooks.DeployedProcess::definitionKey)
                .containsExactly(kept);
        assertThat(deployedPlaybooks.formIds()).doesNotContain("uncommitted-form");
        assertThat(uploads.count()).isEqualTo(uploadsBefore);
        assertThat(as("ada")
                        .getForEntity("/api/playbooks/" + processId, Map.class)
                        .getBody())
                .extractingByKey("versions")
                .asList()
                .hasSize(1);
        assertThat(definitionKeyStarted(processInstances.start(processId, Map.of())))
                .isEqualTo(kept);

        ResponseEntity<List> again = upload(
                "ada",
                Map.of(
                        "kept-again.bpmn",
                        bpmn.replace("Call the customer", "Ring the customer"),
                        "renewal-call.form",
                        FORM));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // the engine does not give a deleted version's number again: Baton shows what the engine runs
        assertThat((List<Map<String, Object>>) again.getBody())
                .extracting(m -> m.get("version"))
                .containsExactly(3);
        long next = deployedPlaybooks.latest(processId).orElseThrow().definitionKey();
        assertThat(next).isNotIn(kept, unkept);
        assertThat(definitionKeyStarted(processInstances.start(processId, Map.of())))
                .isEqualTo(next);
    }

    /** An unchanged file comes back from the engine as the kept version: a failed commit must not delete it. */
    @Test
    void anUnchangedFileTheDatabaseDoesNotCommitLeavesTheKeptVersionInTheEngine() {
        String processId = "Process_upload_uncommitted_same";
        String bpmn = good(processId);
        assertThat(upload("ada", Map.of("uncommitted-same.bpmn", bpmn, "renewal-call.form", FORM))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        long kept = deployedPlaybooks.latest(processId).orElseThrow().definitionKey();

        List<Long> deletedBefore = deletedKeys();

        ResponseEntity<List> refused = withCommitRefused(
                () -> upload("ada", Map.of("uncommitted-same.bpmn", bpmn, "renewal-call.form", FORM)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(versionKeys(processId)).containsOnly(kept);
        assertThat(deletedKeys()).isEqualTo(deletedBefore);
        assertThat(deployedPlaybooks.versions(processId)).hasSize(1);
        assertThat(definitionKeyStarted(processInstances.start(processId, Map.of())))
                .isEqualTo(kept);
    }

    /**
     * Runs the upload with a deferred trigger that fails the commit of rows whose file name starts
     * with "uncommitted-": the row is written and flushed, the engine is asked, then the commit fails.
     */
    private <T> T withCommitRefused(java.util.function.Supplier<T> upload) {
        jdbc.execute("create or replace function test_refuse_commit() returns trigger language plpgsql as"
                + " $$ begin raise exception 'the test refuses the commit'; end $$");
        jdbc.execute("create constraint trigger test_refuse_commit after insert on playbook_upload"
                + " deferrable initially deferred for each row when (new.bpmn_name like 'uncommitted-%')"
                + " execute function test_refuse_commit()");
        try {
            return upload.get();
        } finally {
            jdbc.execute("drop trigger test_refuse_commit on playbook_upload");
            jdbc.execute("drop function test_refuse_commit()");
        }
    }

    /** The definition keys of every version the engine deployed of that process. */
    private List<Long> versionKeys(String processId) {
        return java.util.stream.StreamSupport.stream(records().processRecords().spliterator(), false)
                .filter(r -> r.getValue().getBpmnProcessId().equals(processId))
                .map(r -> r.getValue().getProcessDefinitionKey())
                .distinct()
                .toList();
    }

    private List<Long> formKeys(String formId) {
        return java.util.stream.StreamSupport.stream(records().forms().spliterator(), false)
                .filter(r -> r.getValue().getFormId().equals(formId))
                .map(r -> r.getValue().getFormKey())
                .distinct()
                .toList();
    }

    /** The resources the engine deleted (its DELETED resource-deletion events). */
    private List<Long> deletedKeys() {
        return java.util.stream.StreamSupport.stream(records().records().spliterator(), false)
                .filter(r -> r.getValueType() == io.camunda.zeebe.protocol.record.ValueType.RESOURCE_DELETION
                        && r.getIntent() == io.camunda.zeebe.protocol.record.intent.ResourceDeletionIntent.DELETED)
                .map(r -> ((io.camunda.zeebe.protocol.record.value.ResourceDeletionRecordValue) r.getValue())
                        .getResourceKey())
                .toList();
    }

    /** The process definition key the engine started that instance from. */
    private long definitionKeyStarted(long processInstanceKey) {
        return java.util.stream.StreamSupport.stream(
                        records().processInstanceRecords().spliterator(), false)
                .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
                .findFirst()
                .orElseThrow()
                .getValue()
                .getProcessDefinitionKey();
    }

    /** Whether the engine ever deployed a process with that id. */
    private boolean processDeployed(String processId) {
        return java.util.stream.StreamSupport.stream(records().processRecords().spliterator(), false)
                .anyMatch(r -> r.getValue().getBpmnProcessId().equals(processId));
    }

    /** The text as a Windows editor saves "Unicode": UTF-16LE after a byte order mark. */
    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        return bytes;
    }

    /** The warnings of an upload that must have deployed (201), of its first playbook. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> warningsOfDeployed(ResponseEntity<List> deployed) {
        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.CREATED);
        return (List<Map<String, Object>>)
                ((List<Map<String, Object>>) deployed.getBody()).getFirst().get("warnings");
    }

    /** The upload form on /playbooks, sent by the admin ada. */
    private ResultActions uploadForm(MockMultipartFile... files) throws Exception {
        var request = multipart("/playbooks");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build()
                .perform(request.with(user("ada").roles("ADMIN")).with(csrf()));
    }

    private static MockMultipartFile bpmnFile(String name, byte[] bytes) {
        return new MockMultipartFile("files", name, "application/octet-stream", bytes);
    }

    ResponseEntity<List> upload(String user, Map<String, String> files) {
        Map<String, byte[]> contents = new java.util.LinkedHashMap<>();
        files.forEach((name, content) -> contents.put(name, content.getBytes(StandardCharsets.UTF_8)));
        ResponseEntity<Object> response =
                as(user).postForEntity("/api/playbooks", Multipart.files("files", contents), Object.class);
        Object b = response.getBody();
        return new ResponseEntity<>(b instanceof List l ? l : b == null ? null : List.of(b), response.getStatusCode());
    }

    /**
     * Found by the session 35 probe: a timer date without its offset (2026-12-24, 2026-12-24T17:00) was
     * refused in the engine's words, which do not say what to write.
     */
    @Test
    void aTimerDateTheEngineCannotReadIsRefusedSayingWhatToWrite() {
        String dated = read("playbooks/probe/timer-bad.bpmn")
                .replace("probe-timer", "probe-tdate-" + System.nanoTime())
                .replace(
                        "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">2 days</bpmn:timeDuration>",
                        "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">2026-12-24T17:00</bpmn:timeDate>");

        assertThat(problems(upload("ada", Map.of("dated.bpmn", dated))))
                .anySatisfy(p -> assertThat(p)
                        .containsEntry("elementId", "w")
                        .extractingByKey("message")
                        .asString()
                        .startsWith("a timer date the engine cannot read: write a date and time with its offset"));
    }

    /**
     * The session 39 probe's Camunda Modeler files, uploaded as it did: a playbook waiting for the signal
     * it throws itself (one run's throw ended every run's wait, on other accounts), a signal start event
     * beside the plain one in a playbook whose step is the account owner's (another playbook's throw
     * started a run nobody launched, stuck on an incident no page showed), and a Camunda user task whose
     * form is an external reference (refused in the engine's words, naming no step). Each is refused,
     * naming its element, and nothing is kept.
     */
    @Test
    void theSession39ProbesSignalAndExternalFormPlaybooksAreRefusedNamingTheirElements() {
        assertThat(problems(upload(
                        "ada",
                        Map.of("campaign-launch-sync.bpmn", read("playbooks/modeler39/campaign-launch-sync.bpmn")))))
                .anySatisfy(p -> assertThat(p)
                        .containsEntry("elementId", "Event_0cat001")
                        .containsEntry("elementName", "Wait until live")
                        .extractingByKey("message")
                        .asString()
                        .contains(
                                "which this playbook throws itself at 'Campaign live' (Event_0thr001)",
                                "every run waiting for it"));
        assertThat(problems(upload(
                        "ada", Map.of("press-kit-refresh.bpmn", read("playbooks/modeler39/press-kit-refresh.bpmn")))))
                .anySatisfy(p -> assertThat(p)
                        .containsEntry("elementId", "Event_0sgst01")
                        .containsEntry("elementName", "Campaign went live")
                        .extractingByKey("message")
                        .asString()
                        .startsWith("a signal start event beside the plain one")
                        .contains("a run nobody launched"));
        assertThat(problems(upload(
                        "ada",
                        Map.of("nps-detractor-review.bpmn", read("playbooks/modeler39/nps-detractor-review.bpmn")))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", "Activity_0nps001")
                        .containsEntry("elementName", "Review detractor feedback")
                        .extractingByKey("message")
                        .asString()
                        .startsWith("the form is an external reference ('https://forms.example.com/nps-review')"));
        assertThat(uploads.findAll())
                .noneMatch(u -> u.getProcessIds().contains("Process_0pressk")
                        || u.getProcessIds().contains("Process_0npsrv1"));
    }

    /**
     * Session 42's probe's Camunda Modeler files, uploaded as it did: a parallel join one of whose incoming
     * paths starts at an interrupting boundary event of a step on another (F1: the run waited for ever, no
     * incident), an exclusive gateway where the paths of a parallel split meet (F2: the next step twice), an
     * inclusive gateway's flow with no condition (F9: the engine's "Must have a condition" at the flow), and a
     * file nested 150 subprocesses deep (F10: "not well-formed XML (JAXP00010006 ...)"). Each is refused in
     * plain words naming its element, and nothing is kept; the join drawn with an exclusive merge first is
     * deployed.
     */
    @Test
    void theSession42ProbesJoinMergeInclusiveAndNestedPlaybooksAreRefusedInPlainWords() {
        String timers = read("playbooks/probe/p42-timers.bpmn");
        assertThat(problems(upload("ada", Map.of("p42-timers.bpmn", timers))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", "Gateway_0join01")
                        .extractingByKey("message")
                        .asString()
                        .startsWith("a parallel join: it waits until a token has come on each of its 3 incoming flows")
                        .contains("'Flow_08' from 'Send the proposal' (Activity_0prop01)")
                        .contains("'Flow_09' from 'Chase the proposal' (Activity_0chase1)")
                        .contains("Merge the alternatives with an exclusive gateway"));
        assertThat(problems(upload("ada", Map.of("p42-xmerge.bpmn", read("playbooks/probe/p42-xmerge.bpmn")))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", "Gateway_0merge1")
                        .extractingByKey("message")
                        .asString()
                        .contains("'Flow_04' from 'Check legal' (Activity_0a00001)", "happen twice")
                        .contains("draw a parallel gateway here"));
        assertThat(problems(upload("ada", Map.of("p42-incl2.bpmn", read("playbooks/probe/p42-incl2.bpmn")))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementId", "Gateway_0incl01")
                        .extractingByKey("message")
                        .asString()
                        .startsWith("an inclusive gateway whose outgoing flow 'Flow_0b' has no condition")
                        .contains("Set as default flow"));
        StringBuilder nested = new StringBuilder();
        for (int level = 150; level > 0; level--) {
            nested.append("<bpmn:subProcess id=\"Activity_sub").append(level).append("\">");
        }
        nested.append("<bpmn:startEvent id=\"Event_deepest\" />").append("</bpmn:subProcess>".repeat(150));
        String deep = GOOD.replace("Process_renewal_call", "Process_p42nested")
                .replaceFirst("(<bpmn:process [^>]*>)", "$1" + nested);
        assertThat(problems(upload("ada", Map.of("p42-nested.bpmn", deep))))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("elementName", "p42-nested.bpmn")
                        .extractingByKey("message")
                        .asString()
                        .startsWith("the file is nested too deeply: Baton reads at most 100 levels")
                        .contains("150 subprocesses inside each other")
                        .doesNotContain("JAXP"));
        assertThat(uploads.findAll())
                .noneMatch(u -> u.getProcessIds().contains("Process_p42timers")
                        || u.getProcessIds().contains("Process_p42xmerge")
                        || u.getProcessIds().contains("Process_p42incl2")
                        || u.getProcessIds().contains("Process_p42nested"));

        String merged = timers.replace("Process_p42timers", "Process_p42timers_merged")
                .replace("P42 Timers and join", "P42 Timers merged then joined")
                .replace(
                        "<bpmn:incoming>Flow_08</bpmn:incoming>\n      <bpmn:incoming>Flow_09</bpmn:incoming>",
                        "<bpmn:incoming>Flow_11</bpmn:incoming>")
                .replace(
                        "sourceRef=\"Activity_0prop01\" targetRef=\"Gateway_0join01\"",
                        "sourceRef=\"Activity_0prop01\" targetRef=\"Gateway_0merge1\"")
                .replace(
                        "sourceRef=\"Activity_0chase1\" targetRef=\"Gateway_0join01\"",
                        "sourceRef=\"Activity_0chase1\" targetRef=\"Gateway_0merge1\"")
                .replace(
                        "<bpmn:endEvent id=\"Event_0end001\">",
                        "<bpmn:exclusiveGateway id=\"Gateway_0merge1\"><bpmn:incoming>Flow_08</bpmn:incoming>"
                                + "<bpmn:incoming>Flow_09</bpmn:incoming><bpmn:outgoing>Flow_11</bpmn:outgoing>"
                                + "</bpmn:exclusiveGateway><bpmn:sequenceFlow id=\"Flow_11\""
                                + " sourceRef=\"Gateway_0merge1\" targetRef=\"Gateway_0join01\" />"
                                + "<bpmn:endEvent id=\"Event_0end001\">");
        assertThat(merged).contains("Gateway_0merge1", "<bpmn:incoming>Flow_11</bpmn:incoming>");
        assertThat(upload("ada", Map.of("p42-merged.bpmn", merged)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    static List<Map<String, Object>> problems(ResponseEntity<List> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> problem = (Map<String, Object>) response.getBody().getFirst();
        assertThat(problem).containsEntry("title", "Playbook refused");
        return (List<Map<String, Object>>) problem.get("problems");
    }

    static List<String> messages(List<Map<String, Object>> problems) {
        return problems.stream().map(p -> (String) p.get("message")).toList();
    }

    static String read(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
