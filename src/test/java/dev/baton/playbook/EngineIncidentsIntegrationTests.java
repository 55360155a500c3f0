package dev.baton.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.support.Multipart;
import dev.baton.support.SignedIn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A run the engine stops with an incident of its own (an expression that fails at run time, not a
 * worker's failure) shows it on its page and over the API, with the element and the engine's
 * message, until the incident is resolved.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class EngineIncidentsIntegrationTests extends EngineIntegrationTest {

    private static final String GATEWAY = "<bpmn:exclusiveGateway id=\"gateway_deal_size\" name=\"Big deal?\" />";

    @Test
    void aTimerWhoseExpressionFailsShowsTheRunStuckAtItUntilTheIncidentIsResolved() {
        long key = uploadAndLaunch(
                "Process_stuck_timer",
                "<bpmn:intermediateCatchEvent id=\"timer_wait\" name=\"Wait the agreed time\">"
                        + "<bpmn:timerEventDefinition id=\"timer_wait_definition\"><bpmn:timeDuration>"
                        + "=duration(waitFor)</bpmn:timeDuration></bpmn:timerEventDefinition>"
                        + "</bpmn:intermediateCatchEvent>",
                "timer_wait");

        Map<String, Object> stuck = awaitIncidents(key);

        assertThat((List<Map<String, Object>>) stuck.get("incidents"))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i)
                            .containsEntry("processId", "Process_stuck_timer")
                            .containsEntry("elementId", "timer_wait")
                            .containsEntry("elementName", "Wait the agreed time");
                    assertThat((String) i.get("message")).contains("waitFor");
                });
        assertThat(SignedIn.as(http, "maria").getForObject("/playbooks/instances/" + key, String.class))
                .contains("Stuck: the engine stopped this run", "Wait the agreed time", "waitFor");

        client.newSetVariablesCommand(key)
                .variables(Map.of("waitFor", "PT1H"))
                .send()
                .join();
        resolveIncidents(key);

        await().atMost(WAIT).until(() -> ((List<?>) instance(key).get("incidents")).isEmpty());
    }

    @Test
    void aGatewayConditionThatFailsShowsTheRunStuckAtTheGateway() {
        long key = uploadAndLaunch("Process_stuck_gateway", GATEWAY, "gateway_deal_size");

        assertThat((List<Map<String, Object>>) awaitIncidents(key).get("incidents"))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i)
                            .containsEntry("elementId", "gateway_deal_size")
                            .containsEntry("elementName", "Big deal?");
                    assertThat((String) i.get("message")).contains("No variable found with name 'amount'");
                });
    }

    /**
     * Found by a playbook author's probe: a condition reading a variable nothing set stopped the run with
     * only the engine's words ("Expected result of the expression ... to be 'BOOLEAN', but was 'NULL'"). The
     * run's page, its API and the problems page now say it plainly: the gateway, the condition, the variable
     * with no value, that the default flow does not catch it, and how to fix the model.
     */
    @Test
    void aGatewayConditionReadingAVariableWithNoValueIsExplainedPlainly() {
        String processId = "Process_stuck_explained";
        upload(processId, GATEWAY, "gateway_deal_size");
        long key = launch(processId, Map.of());

        String explanation = "The gateway 'Big deal?' could not choose a path: the condition =amount <= 100 on the"
                + " flow 'gateway_deal_size_small' reads amount, which has no value on this run. The engine stops the run"
                + " here; the default flow does not catch this, as it is taken only when every condition is false."
                + " Fix the model: check for the missing value (=amount != null and amount <= 100), or set amount"
                + " before the gateway (a form field keyed amount, an output mapping, or a variable given at each"
                + " launch). For this run, set amount on it (or move it to the fixed version) and resolve the"
                + " incident in the engine.";
        assertThat((List<Map<String, Object>>) awaitIncidents(key).get("incidents"))
                .singleElement()
                .satisfies(i -> assertThat(i).containsEntry("explanation", explanation));
        assertThat(SignedIn.as(http, "maria").getForObject("/playbooks/instances/" + key, String.class))
                .contains(
                        "The gateway &#39;Big deal?&#39; could not choose a path: the condition =amount &lt;= 100",
                        "The engine: Expected result of the expression");
        assertThat((List<Map<String, Object>>) as("ada").getForObject("/api/admin/problems", List.class))
                .filteredOn(p -> processId.equals(p.get("bpmnProcessId")))
                .singleElement()
                .satisfies(p -> assertThat(p).containsEntry("explanation", explanation));
        assertThat(SignedIn.as(http, "ada").getForObject("/admin/problems", String.class))
                .contains("reads amount, which has no value on this run");
    }

    @Test
    void theCatalogueCountsTheStuckRunsBesideTheRunningOnesAndLinksToThem() {
        String processId = "Process_stuck_count";
        upload(processId, GATEWAY, "gateway_deal_size");
        launch(processId, Map.of("amount", 50)); // goes through: running until the sweep, never stuck
        long stuck = launch(processId, Map.of());
        awaitIncidents(stuck);

        // the catalogue counts the runs once their rows are written (after the start's commit)
        Map<String, Object> listed = await().atMost(WAIT)
                .until(
                        () -> as("maria").getForObject("/api/playbooks/" + processId, Map.class),
                        p -> Integer.valueOf(2).equals(p.get("running")));
        assertThat(listed).containsEntry("stuck", 1).containsEntry("ended", 0);
        assertThat((List<Map<String, Object>>)
                        as("maria").getForObject("/api/playbooks", Map.class).get("playbooks"))
                .filteredOn(p -> processId.equals(p.get("processId")))
                .singleElement()
                .satisfies(p -> assertThat(p).containsEntry("stuck", 1));
        assertThat(SignedIn.as(http, "maria").getForObject("/playbooks", String.class))
                .contains("href=\"/playbooks/" + processId + "?stuck=true\">1 stuck</a>");
        assertThat(SignedIn.as(http, "maria").getForObject("/playbooks/" + processId, String.class))
                .contains("2 running", ">1 stuck</a>", ", 0 ended");
    }

    @Test
    void theRunListMarksEachStuckRunWithWhereAndWhyAndFiltersToThem() {
        String processId = "Process_stuck_list";
        upload(processId, GATEWAY, "gateway_deal_size");
        long through = launch(processId, Map.of("amount", 500));
        long stuck = launch(processId, Map.of());
        awaitIncidents(stuck);

        List<Map<String, Object>> lines =
                as("maria").getForObject("/api/playbooks/" + processId + "/instances", List.class);
        assertThat(lines).hasSize(2);
        assertThat(line(lines, through).get("incidents")).isEqualTo(List.of());
        assertThat((List<Map<String, Object>>) line(lines, stuck).get("incidents"))
                .singleElement()
                .satisfies(i -> assertThat(i)
                        .containsEntry("elementId", "gateway_deal_size")
                        .containsEntry("elementName", "Big deal?")
                        .containsEntry("errorType", "EXTRACT_VALUE_ERROR"));
        assertThat((List<Map<String, Object>>)
                        as("maria").getForObject("/api/playbooks/" + processId + "/instances?stuck=true", List.class))
                .extracting(l -> ((Number) l.get("processInstanceKey")).longValue())
                .containsExactly(stuck);

        String page = SignedIn.as(http, "maria").getForObject("/playbooks/" + processId, String.class);
        assertThat(page)
                .contains(
                        "Stuck at Big deal?: EXTRACT_VALUE_ERROR",
                        "data-key=\"" + through + "\"",
                        "id=\"stuck-filter\"");
        assertThat(page.split("Stuck at ")).hasSize(2);
        assertThat(SignedIn.as(http, "maria").getForObject("/playbooks/" + processId + "?stuck=true", String.class))
                .contains("Stuck instances", "data-key=\"" + stuck + "\"", "Stuck at Big deal?: EXTRACT_VALUE_ERROR")
                .doesNotContain("data-key=\"" + through + "\"");
    }

    @Test
    void aStuckRunIsListedAmongTheAdminsProblemsWithALinkToIt() {
        String processId = "Process_stuck_problem";
        upload(processId, GATEWAY, "gateway_deal_size");
        long stuck = launch(processId, Map.of());
        awaitIncidents(stuck);

        List<Map<String, Object>> problems = as("ada").getForObject("/api/admin/problems", List.class);
        assertThat(problems)
                .filteredOn(p -> processId.equals(p.get("bpmnProcessId")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p)
                            .containsEntry("kind", "STUCK_RUN")
                            .containsEntry("runPath", "/playbooks/instances/" + stuck)
                            .containsEntry("playbook", processId)
                            .containsEntry("elementId", "gateway_deal_size")
                            .containsEntry("elementName", "Big deal?")
                            .containsEntry("errorType", "EXTRACT_VALUE_ERROR")
                            .containsEntry("resolvedAt", null);
                    assertThat(((Number) p.get("runKey")).longValue()).isEqualTo(stuck);
                    assertThat((String) p.get("message")).contains("No variable found with name 'amount'");
                    assertThat(p.get("lastFailedAt")).isNotNull();
                });
        assertThat(SignedIn.as(http, "ada").getForObject("/admin/problems", String.class))
                .contains("href=\"/playbooks/instances/" + stuck + "\"", "Stuck (EXTRACT_VALUE_ERROR):", "Big deal? (");
    }

    @Test
    void theLaunchSaysSoWhenTheEngineStoppedTheNewRunAtOnce() {
        String processId = "Process_stuck_launch";
        upload(processId, GATEWAY, "gateway_deal_size");

        Map<String, Object> started =
                as("maria").postForObject("/api/playbooks/" + processId + "/instances", Map.of(), Map.class);
        assertThat((List<Map<String, Object>>) started.get("incidents"))
                .singleElement()
                .satisfies(i -> assertThat(i)
                        .containsEntry("elementId", "gateway_deal_size")
                        .containsEntry("errorType", "EXTRACT_VALUE_ERROR"));
        assertThat(as("maria")
                        .postForObject("/api/playbooks/" + processId + "/instances", Map.of("amount", 5), Map.class)
                        .get("incidents"))
                .isEqualTo(List.of());
    }

    private static Map<String, Object> line(List<Map<String, Object>> lines, long key) {
        return lines.stream()
                .filter(l -> ((Number) l.get("processInstanceKey")).longValue() == key)
                .findFirst()
                .orElseThrow();
    }

    /** Uploads start → step → end (a gateway gets two conditional flows to the end) and launches it as maria. */
    private long uploadAndLaunch(String processId, String step, String stepId) {
        upload(processId, step, stepId);
        return launch(processId, Map.of());
    }

    /**
     * Session 43's probe: a run launched with amount "lots" (text) was told amount "has no value on this
     * run". Only a variable the engine did not find is said to have no value; this one gets the engine's
     * reason and the type to check.
     */
    @Test
    void aGatewayConditionReadingTextWhereItComparesNumbersIsExplainedAsSuch() {
        String processId = "Process_stuck_text";
        upload(processId, GATEWAY, "gateway_deal_size");
        long key = launch(processId, Map.of("amount", "lots"));

        assertThat((List<Map<String, Object>>) awaitIncidents(key).get("incidents"))
                .singleElement()
                .satisfies(i -> assertThat((String) i.get("explanation"))
                        .startsWith("The gateway 'Big deal?' could not choose a path: the condition =amount")
                        .contains(
                                "gave no yes/no answer (the engine: Can't compare '\"lots\"' with '100'): it cannot"
                                        + " compare text (\"lots\") with a number (100).",
                                "Check the type of amount on this run (the form field that gives it: a number field"
                                        + " for a number, not a text field)")
                        .doesNotContain("no value"));
    }

    /**
     * Session 44's probe: a stuck step without a name showed its id twice on the run's page ("step without a
     * name (id Activity_1) (Activity_1, since ...)"), and a nameless gateway's explanation named it by its id a
     * third time. Each says the id once; the API gives it in elementId.
     */
    @Test
    void aStuckStepWithoutANameShowsItsIdOnce() {
        String processId = "Process_stuck_nameless";
        String gatewayId = "gateway_0x1y2z";
        upload(processId, "<bpmn:exclusiveGateway id=\"" + gatewayId + "\" />", gatewayId);
        long key = launch(processId, Map.of());

        assertThat((List<Map<String, Object>>) awaitIncidents(key).get("incidents"))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i).containsEntry("elementId", gatewayId).containsEntry("elementName", null);
                    assertThat((String) i.get("explanation"))
                            .startsWith("The gateway (it has no name) could not choose a path: the condition =amount");
                });
        String page = SignedIn.as(http, "maria").getForObject("/playbooks/instances/" + key, String.class);
        String incidents = page.substring(page.indexOf("id=\"incidents\""), page.indexOf("id=\"diagram\""));
        assertThat(incidents).contains("step without a name (id " + gatewayId + ")");
        // the flows' ids begin with the gateway's: only the gateway's own id counts
        assertThat(java.util.regex.Pattern.compile(gatewayId + "(?!_)")
                        .matcher(incidents)
                        .results()
                        .count())
                .as(incidents)
                .isEqualTo(1);
    }

    /** Uploads start → step → end as ada; a gateway gets two conditional flows to the end, on {@code amount}. */
    private void upload(String processId, String step, String stepId) {
        String flowsOut = stepId.startsWith("gateway")
                ? flow(stepId + "_big", stepId, "end", "=amount &gt; 100")
                        + flow(stepId + "_small", stepId, "end", "=amount &lt;= 100")
                : flow("flow_out", stepId, "end", null);
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs"
                    targetNamespace="http://bpmn.io/schema/bpmn">
                <bpmn:process id="%s" isExecutable="true">
                <bpmn:startEvent id="start" />%s<bpmn:endEvent id="end" />%s%s
                </bpmn:process>
                <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="%s" /></bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(processId, step, flow("flow_in", "start", stepId, null), flowsOut, processId);
        ResponseEntity<Object> uploaded = as("ada")
                .postForEntity(
                        "/api/playbooks",
                        Multipart.files("files", Map.of(processId + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8))),
                        Object.class);
        assertThat(uploaded.getStatusCode())
                .as("upload: %s", uploaded.getBody())
                .isEqualTo(HttpStatus.CREATED);
    }

    /** Launches the playbook as maria with these variables. */
    private long launch(String processId, Map<String, Object> variables) {
        ResponseEntity<Map> started =
                as("maria").postForEntity("/api/playbooks/" + processId + "/instances", variables, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) started.getBody().get("processInstanceKey")).longValue();
    }

    private static String flow(String id, String from, String to, String condition) {
        return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\""
                + (condition == null
                        ? " />"
                        : "><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" + condition
                                + "</bpmn:conditionExpression></bpmn:sequenceFlow>");
    }

    private Map<String, Object> awaitIncidents(long key) {
        return await().atMost(WAIT).until(() -> instance(key), i -> !((List<?>) i.get("incidents")).isEmpty());
    }

    private Map<String, Object> instance(long key) {
        Map<String, Object> instance = as("maria").getForObject("/api/playbooks/instances/" + key, Map.class);
        assertThat(instance).containsEntry("incidentsKnown", true);
        return instance;
    }
}
