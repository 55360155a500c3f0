package dev.baton.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.blocks.BlockProcessTest;
import dev.baton.support.Multipart;
import dev.baton.task.Task;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The documented assignment expressions of a playbook drawn in Modeler and launched from the
 * catalogue: {@code =accountOwner}, {@code =ownerManager} (set by the launch), a team, a named person.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("rawtypes")
class LaunchVariablesIntegrationTests extends BlockProcessTest {

    static final String PROCESS_ID = "launch-variables-test";

    @BeforeAll
    void upload() {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(PROCESS_ID)
                .name("Assignment expressions")
                .startEvent()
                .parallelGateway("fork")
                .userTask("task_owner", t -> t.name("For the owner").zeebeAssignee("=accountOwner"))
                .endEvent()
                .moveToNode("fork")
                .userTask("task_manager", t -> t.name("For the manager").zeebeAssignee("=ownerManager"))
                .endEvent()
                .moveToNode("fork")
                .userTask("task_team", t -> t.name("For the team").zeebeCandidateGroups("customer-success"))
                .endEvent()
                .moveToNode("fork")
                .userTask("task_named", t -> t.name("For Rita").zeebeAssignee("rita@baton.example"))
                .endEvent()
                .done());
        ResponseEntity<List> uploaded = as("ada")
                .postForEntity("/api/playbooks", Multipart.texts("files", Map.of("assign.bpmn", bpmn)), List.class);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void eachDocumentedExpressionReachesItsPerson() {
        long instance = launch(account("rob"));

        assertThat(awaitTask(instance, "task_owner").getAssignee()).isEqualTo("rob");
        assertThat(awaitTask(instance, "task_manager").getAssignee()).isEqualTo("maria");
        assertThat(awaitTask(instance, "task_team").getCandidateGroups()).containsExactly("customer-success");
        assertThat(awaitTask(instance, "task_named").getAssignee()).isEqualTo("rita");
    }

    @Test
    void onAnAccountWithoutOwnerTheOwnersStepsGoToUnassignedWorkSayingWhy() {
        long instance = launch(account((String) null));

        Task owner = awaitTask(instance, "task_owner");
        Task manager = awaitTask(instance, "task_manager");

        assertThat(owner.getAssignee()).isNull();
        assertThat(owner.getUnassignedReason()).isNotBlank();
        assertThat(manager.getAssignee()).isNull();
        assertThat(manager.getUnassignedReason()).isNotBlank();
    }

    /**
     * Found by a hostile probe: a launcher could pass {@code ownerManager} (or {@code accountOwner})
     * and so send the steps meant for the account's people to anyone. They come from the account
     * only; a launch naming one is a 400 naming it, and nothing starts.
     */
    @Test
    void aLaunchThatNamesAVariableBatonSetsIsRefusedNamingItAndStartsNothing() {
        long accountId = account("rob");
        int before = instancesOfThePlaybook();

        ResponseEntity<Map> manager = as("ada")
                .postForEntity(
                        "/api/playbooks/" + PROCESS_ID + "/instances",
                        Map.of("accountId", accountId, "ownerManager", "marcus"),
                        Map.class);
        ResponseEntity<Map> owner = as("ada")
                .postForEntity(
                        "/api/playbooks/" + PROCESS_ID + "/instances", Map.of("accountOwner", "ravi"), Map.class);
        ResponseEntity<Map> launcher = as("ada")
                .postForEntity(
                        "/api/playbooks/" + PROCESS_ID + "/instances",
                        Map.of("accountId", accountId, "launchedBy", "maria"),
                        Map.class);

        assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(manager)).containsOnlyKeys("ownerManager");
        assertThat(errors(manager).get("ownerManager").toString()).contains("set by Baton", "from the account");
        assertThat(owner.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(owner)).containsOnlyKeys("accountOwner");
        assertThat(launcher.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(launcher)).containsOnlyKeys("launchedBy");
        assertThat(instancesOfThePlaybook()).isEqualTo(before);
    }

    @Test
    void aLaunchThatNamesSeveralVariablesBatonSetsIsRefusedNamingEachOne() {
        long accountId = account("rob");
        int before = instancesOfThePlaybook();

        ResponseEntity<Map> refused = as("ada")
                .postForEntity(
                        "/api/playbooks/" + PROCESS_ID + "/instances",
                        Map.of("accountId", accountId, "launchedBy", "maria", "accountOwner", "ravi"),
                        Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).containsOnlyKeys("accountOwner", "launchedBy");
        assertThat((String) refused.getBody().get("detail"))
                .isEqualTo("accountOwner: is set by Baton (from the account), not by the launch: leave it out;"
                        + " launchedBy: is set by Baton (the signed-in person), not by the launch: leave it out");
        assertThat(instancesOfThePlaybook()).isEqualTo(before);
    }

    private int instancesOfThePlaybook() {
        return as("ada")
                .getForObject("/api/playbooks/" + PROCESS_ID + "/instances", List.class)
                .size();
    }

    private long launch(long accountId) {
        return launch(Map.of("accountId", accountId));
    }

    private long launch(Map<String, Object> variables) {
        ResponseEntity<Map> started =
                as("ada").postForEntity("/api/playbooks/" + PROCESS_ID + "/instances", variables, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) started.getBody().get("processInstanceKey")).longValue();
    }
}
