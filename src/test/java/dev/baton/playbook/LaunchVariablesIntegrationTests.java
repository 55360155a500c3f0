package dev.baton.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.baton.blocks.BlockProcessTest;
import dev.baton.support.Multipart;
import dev.baton.task.Task;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The documented assignment expressions of a playbook drawn in Modeler and launched from the
 * catalogue: {@code =accountOwner}, {@code =ownerManager} (set by the launch), a team, a named person.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class LaunchVariablesIntegrationTests extends BlockProcessTest {

    static final String PROCESS_ID = "launch-variables-test";

    @Autowired
    WebApplicationContext context;

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

    /**
     * Found by a hostile probe: launched without an account, the run stopped at once with an incident
     * ("Expected result of the expression 'accountOwner' to be 'STRING', but was 'NULL'"). A playbook
     * whose steps read the account's variables (or use a building block) needs one: a 400 naming
     * accountId, and nothing starts; the launch form says so at the field and keeps what was typed.
     */
    @Test
    void aPlaybookOnAnAccountLaunchedWithoutOneIsRefusedNamingAccountIdThroughTheApiAndTheForm() throws Exception {
        int before = instancesOfThePlaybook();

        ResponseEntity<Map> refused = as("ada")
                .postForEntity("/api/playbooks/" + PROCESS_ID + "/instances", Map.of("region", "EMEA"), Map.class);
        MockMvc pages = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        pages.perform(MockMvcRequestBuilders.post("/playbooks/" + PROCESS_ID + "/instances")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf())
                        .param("accountId", " ")
                        .param("variables", "{\"region\": \"EMEA\"}"))
                .andExpect(redirectedUrl("/playbooks/" + PROCESS_ID))
                .andExpect(flash().attribute("error", containsString("accountId is required")))
                .andExpect(flash().attribute("launchVariables", "{\"region\": \"EMEA\"}"))
                .andExpect(flash().attribute("launchInvalid", hasKey("accountId")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).containsOnlyKeys("accountId");
        assertThat(errors(refused).get("accountId").toString())
                .contains("this playbook works on an account: accountId is required", "task_owner", "accountOwner");
        assertThat(instancesOfThePlaybook()).isEqualTo(before);
        assertThat((Map<String, Object>) as("ada").getForObject("/api/playbooks/" + PROCESS_ID, Map.class))
                .containsEntry("needsAccount", true);
        pages.perform(get("/playbooks/" + PROCESS_ID).with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Account id</label>")))
                .andExpect(content().string(containsString("required=\"required\"")));
        // the page the form comes back to: the input as typed, the field marked with the reason
        pages.perform(get("/playbooks/" + PROCESS_ID)
                        .with(user("ada").roles("ADMIN"))
                        .flashAttr("launchVariables", "{\"region\": \"EMEA\"}")
                        .flashAttr("launchInvalid", Map.of("accountId", "accountId is required")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"{&quot;region&quot;: &quot;EMEA&quot;}\"")))
                .andExpect(content().string(containsString("aria-describedby=\"accountId-error\"")))
                .andExpect(content().string(containsString(">accountId is required</div>")));
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
