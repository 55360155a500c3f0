package dev.baton.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.blocks.BlockProcessTest;
import dev.baton.support.Multipart;
import dev.baton.task.Task;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A playbook whose steps are assigned by launch variables ({@code assignee="=reviewer"}, {@code
 * candidateUsers="=reviewers"}, {@code candidateGroups="=reviewTeams"}), launched from the catalogue. Until
 * session 46 a launch naming nobody was a 201 whose step waited in the admins' unassigned work, and one
 * giving text where the engine wants a list a 201 whose run stopped at the step at once; now each is a 400
 * naming the variable, and nothing starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class LaunchAssignmentsIntegrationTests extends BlockProcessTest {

    static final String PROCESS_ID = "launch-assignments-test";

    List<Map<String, Object>> uploadWarnings;

    @BeforeAll
    void upload() {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(PROCESS_ID)
                .name("Assigned at launch")
                .startEvent()
                .parallelGateway("fork")
                .userTask("task_reviewer", t -> t.name("Review the deal").zeebeAssignee("=reviewer"))
                .endEvent()
                .moveToNode("fork")
                .userTask("task_reviewers", t -> t.name("Second opinion").zeebeCandidateUsers("= reviewers "))
                .endEvent()
                .moveToNode("fork")
                .userTask("task_teams", t -> t.name("Team check").zeebeCandidateGroups("=reviewTeams"))
                .endEvent()
                .done());
        ResponseEntity<List> uploaded = as("ada")
                .postForEntity("/api/playbooks", Multipart.texts("files", Map.of("assigned.bpmn", bpmn)), List.class);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        uploadWarnings = (List<Map<String, Object>>) ((Map) uploaded.getBody().getFirst()).get("warnings");
    }

    @Test
    void theUploadWarnsThatEveryLaunchMustGiveTheVariablesNothingElseSets() {
        assertThat(uploadWarnings)
                .extracting(w -> w.get("elementId"))
                .containsExactly("task_reviewer", "task_reviewers", "task_teams");
        assertThat(uploadWarnings.getFirst().get("message").toString())
                .contains(
                        "the assignee of 'Review the deal' is =reviewer",
                        "every launch must give reviewer (the user name or e-mail address of the person it goes to)",
                        "else each run stops at");
        assertThat(uploadWarnings.get(2).get("message").toString()).contains("a list of team keys");
    }

    @Test
    void aLaunchNamingPeopleAndTeamsReachesThem() {
        long instance = launch(
                "ada",
                PROCESS_ID,
                Map.of(
                        "reviewer", "rita@baton.example",
                        "reviewers", List.of("maria", "ROB"),
                        "reviewTeams", List.of("customer-success")));

        assertThat(awaitTask(instance, "task_reviewer").getAssignee()).isEqualTo("rita");
        Task second = awaitTask(instance, "task_reviewers");
        assertThat(second.isCandidateUser("maria")).isTrue();
        assertThat(second.isCandidateUser("rob")).isTrue();
        assertThat(awaitTask(instance, "task_teams").getCandidateGroups()).containsExactly("customer-success");
    }

    @Test
    void aLaunchNamingNobodyIsRefusedNamingEachVariableAndStartsNothing() {
        int before = instancesOfThePlaybook();

        ResponseEntity<Map> refused = as("ada")
                .postForEntity(
                        "/api/playbooks/" + PROCESS_ID + "/instances",
                        Map.of(
                                "reviewer", "nosuchperson",
                                "reviewers", List.of("maria", "nobody@baton.example"),
                                "reviewTeams", List.of("sales-emea", "no-such-team")),
                        Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> errors = errors(refused);
        assertThat(errors).containsOnlyKeys("reviewer", "reviewers", "reviewTeams");
        assertThat(errors.get("reviewer").toString())
                .isEqualTo("'nosuchperson' names nobody: no person signs in to Baton as 'nosuchperson', so the step"
                        + " would wait in the admins' unassigned work (the assignee of 'Review the deal' is"
                        + " =reviewer)");
        assertThat(errors.get("reviewers").toString())
                .startsWith("'nobody@baton.example' names nobody: no person in Baton has that e-mail address");
        assertThat(errors.get("reviewTeams").toString()).startsWith("'no-such-team' is no team's key in Baton");
        assertThat(instancesOfThePlaybook()).isEqualTo(before);
    }

    @Test
    void aLaunchGivingTheWrongKindOfValueIsRefusedSayingWhatToGive() {
        int before = instancesOfThePlaybook();
        Map<String, Object> variables = new HashMap<>();
        variables.put("reviewer", 42);
        variables.put("reviewers", "maria");
        variables.put("reviewTeams", null);

        ResponseEntity<Map> refused =
                as("ada").postForEntity("/api/playbooks/" + PROCESS_ID + "/instances", variables, Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> errors = errors(refused);
        assertThat(errors.get("reviewer").toString())
                .startsWith("must be the user name or e-mail address of the person 'Review the deal'"
                        + " goes to, as text; the number 42 would stop the run at the step");
        assertThat(errors.get("reviewers").toString())
                .startsWith("must be a list of user names or e-mail addresses, e.g. [\"maria\", \"rob\"]; the text"
                        + " 'maria' would stop the run at the step");
        assertThat(errors.get("reviewTeams").toString())
                .startsWith("must be a list of team keys, e.g. [\"sales-emea\"]; null would stop the run");
        assertThat(instancesOfThePlaybook()).isEqualTo(before);
    }

    @Test
    void anEmptyAssigneeForAStepWithNobodyElseIsRefused() {
        ResponseEntity<Map> refused = as("ada")
                .postForEntity(
                        "/api/playbooks/" + PROCESS_ID + "/instances",
                        Map.of("reviewer", " ", "reviewers", List.of("maria"), "reviewTeams", List.of("")),
                        Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).containsOnlyKeys("reviewer", "reviewTeams");
        assertThat(errors(refused).get("reviewer").toString())
                .startsWith("is empty: 'Review the deal' would go to nobody");
        assertThat(errors(refused).get("reviewTeams").toString())
                .startsWith("names no team: 'Team check' would be offered to nobody");
    }

    /**
     * Session 46's second probe: a list with one bad name among good ones was refused saying the step would wait
     * in the admins' unassigned work, though the good ones would be offered it; only the first bad name was said;
     * a team with no active member passed, and the step went to the admins.
     */
    @Test
    void aListIsRefusedForEachNameNobodyCouldBeOfferedTheStepThroughSayingWhatToLeaveOut() {
        ResponseEntity<Map> team =
                as("ada").postForEntity("/api/teams", Map.of("key", "empty-la", "name", "Empty"), Map.class);
        assertThat(team.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);

        ResponseEntity<Map> refused = as("ada")
                .postForEntity(
                        "/api/playbooks/" + PROCESS_ID + "/instances",
                        Map.of(
                                "reviewer", "rita",
                                "reviewers", List.of("maria", "nobody-one", "nobody-two"),
                                "reviewTeams", List.of("empty-la")),
                        Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).containsOnlyKeys("reviewers", "reviewTeams");
        assertThat(errors(refused).get("reviewers").toString())
                .isEqualTo("'nobody-one' names nobody: no person signs in to Baton as 'nobody-one'; 'nobody-two' names"
                        + " nobody: no person signs in to Baton as 'nobody-two': leave them out (the candidateUsers of"
                        + " 'Second opinion' is =reviewers)");
        assertThat(errors(refused).get("reviewTeams").toString())
                .isEqualTo("'empty-la' is a team with no active member: nobody could see or claim the step: leave it"
                        + " out, and name a team who can take it: as it is, 'Team check' would be offered to nobody"
                        + " and wait in the admins' unassigned work (the candidateGroups of 'Team check' is"
                        + " =reviewTeams)");
    }

    /**
     * A multi-instance step is one step for each item of its list: the launch's list is checked item by item; a
     * variable the step's input mapping sets is not the launch's to check (session 46's second probe).
     */
    @Test
    void aMultiInstanceListIsCheckedItemByItemAndAMappedVariableNotAtAll() {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(PROCESS_ID + "-each")
                .name("Each reviews")
                .startEvent()
                .parallelGateway("fork")
                .userTask(
                        "task_each",
                        t -> t.name("Each reviews")
                                .zeebeAssignee("=reviewer")
                                .multiInstance()
                                .zeebeInputCollectionExpression("reviewers")
                                .zeebeInputElement("reviewer")
                                .multiInstanceDone())
                .endEvent()
                .moveToNode("fork")
                .userTask(
                        "task_checker",
                        t -> t.name("Check").zeebeAssignee("=checker").zeebeInputExpression("\"rita\"", "checker"))
                .endEvent()
                .done());
        assertThat(as("ada")
                        .postForEntity(
                                "/api/playbooks", Multipart.texts("files", Map.of("each.bpmn", bpmn)), List.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> refused = as("ada")
                .postForEntity(
                        "/api/playbooks/" + PROCESS_ID + "-each/instances",
                        Map.of("reviewers", List.of("rob", "nosuchperson"), "checker", "whoever"),
                        Map.class);
        ResponseEntity<Map> notAList = as("ada")
                .postForEntity(
                        "/api/playbooks/" + PROCESS_ID + "-each/instances", Map.of("reviewers", "rob"), Map.class);
        long started =
                launch("ada", PROCESS_ID + "-each", Map.of("reviewers", List.of("rob", "maria"), "checker", "x"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).containsOnlyKeys("reviewers");
        assertThat(errors(refused).get("reviewers").toString())
                .isEqualTo("each item: 'nosuchperson' names nobody: no person signs in to Baton as 'nosuchperson', so"
                        + " the step would wait in the admins' unassigned work ('Each reviews' is one step for each"
                        + " item of reviewers, and its assignee is the item)");
        ResponseEntity<Map> tooMany = as("ada")
                .postForEntity(
                        "/api/playbooks/" + PROCESS_ID + "-each/instances",
                        Map.of("reviewers", java.util.Collections.nCopies(1_001, "rob")),
                        Map.class);
        assertThat(errors(tooMany).get("reviewers").toString()).startsWith("has 1001 items: at most 1000");
        assertThat(errors(notAList).get("reviewers").toString())
                .startsWith("must be a list: 'Each reviews' is started once for each of its items; the text 'rob'");
        assertThat(awaitTask(started, "task_checker").getAssignee()).isEqualTo("rita");
    }

    /**
     * Session 46's second probe: a variable one step reads as one person and another as a list got a warning at
     * each step ("every launch must give reviewer ..."), and each launch was refused pointing at the other step.
     * The upload now says once that no value satisfies both, naming both steps, and so does each launch; a step
     * whose input mapping sets the variable reads its own value and is not among them.
     */
    @Test
    void aVariableOneStepReadsAsAPersonAndAnotherAsAListIsWarnedOnceAndEachLaunchToldWhy() {
        String processId = PROCESS_ID + "-clash";
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(processId)
                .name("Read two ways")
                .startEvent()
                .parallelGateway("fork")
                .userTask("task_review", t -> t.name("Review the deal").zeebeAssignee("=reviewer"))
                .endEvent()
                .moveToNode("fork")
                .userTask("task_second", t -> t.name("Second look").zeebeCandidateUsers("=reviewer"))
                .endEvent()
                .moveToNode("fork")
                .userTask(
                        "task_mapped",
                        t -> t.name("Team look")
                                .zeebeCandidateGroups("=reviewer")
                                .zeebeInputExpression("[\"sales-emea\"]", "reviewer"))
                .endEvent()
                .done());
        ResponseEntity<List> uploaded = as("ada")
                .postForEntity("/api/playbooks", Multipart.texts("files", Map.of("clash.bpmn", bpmn)), List.class);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        List<Map<String, Object>> warnings =
                (List<Map<String, Object>>) ((Map) uploaded.getBody().getFirst()).get("warnings");

        String clash = "no value of reviewer satisfies both step 'Review the deal' (task_review), which reads it as"
                + " one user name or e-mail address (its assignee is =reviewer), and step 'Second look'"
                + " (task_second), which reads it as a list of user names or e-mail addresses (its candidateUsers is"
                + " =reviewer)";
        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .containsEntry("elementId", "task_review")
                        .containsEntry(
                                "message",
                                clash + ". Both read what the launch gives (nothing in this playbook sets reviewer for"
                                        + " them), so whatever it gives, a run that reaches both stops at one of them, and"
                                        + " Baton refuses a launch giving a value a step's assignment cannot take. Use two"
                                        + " variables, one for each"));
        for (Object given : List.of("rob", List.of("rob"))) {
            ResponseEntity<Map> refused = as("ada")
                    .postForEntity("/api/playbooks/" + processId + "/instances", Map.of("reviewer", given), Map.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(refused))
                    .as("given %s", given)
                    .containsExactly(Map.entry(
                            "reviewer",
                            clash + ": no launch can give it until the playbook uses two variables, one for each (its"
                                    + " upload's warnings say so too)"));
        }
    }

    /** Left out, a variable is not refused: the upload warned, and the launch's answer carries the incident. */
    @Test
    void aLaunchLeavingTheVariablesOutStartsAndSaysWhereItStopped() {
        ResponseEntity<Map> started = as("ada")
                .postForEntity(
                        "/api/playbooks/" + PROCESS_ID + "/instances",
                        Map.of("reviewers", List.of("maria"), "reviewTeams", List.of("customer-success")),
                        Map.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long instance = ((Number) started.getBody().get("processInstanceKey")).longValue();
        assertThat(awaitIncident(instance)).contains("reviewer");
    }

    private int instancesOfThePlaybook() {
        return as("ada")
                .getForObject("/api/playbooks/" + PROCESS_ID + "/instances", List.class)
                .size();
    }
}
