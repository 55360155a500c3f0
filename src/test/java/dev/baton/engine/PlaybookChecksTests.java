package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * What a playbook names that must exist for it to run: the job type of a step (plain or as a
 * constant FEEL expression). Each refusal names its element; the valid variants pass.
 */
class PlaybookChecksTests {

    static final String KNOWN_TYPE = "baton-known";

    final DeployedPlaybooks deployed = new DeployedPlaybooks();
    final PlaybookChecks checks = new PlaybookChecks(
            new JobTypes(null) {
                @Override
                Set<String> known() {
                    return Set.of(KNOWN_TYPE, Bpmn.USER_TASK_JOB_TYPE);
                }
            },
            deployed,
            new ObjectMapper(),
            DataSize.ofMegabytes(1));

    @Test
    void aJobTypeGivenAsAConstantExpressionWithNoWorkerIsRefusedLikeAPlainOne() {
        List<PlaybookProblem> problems =
                check(process("p", serviceTask("task_sync", "Sync", "=&quot;no-worker&quot;")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("task_sync");
            assertThat(p.elementName()).isEqualTo("Sync");
            assertThat(p.message()).contains("no worker for the job type 'no-worker'", KNOWN_TYPE);
        });
    }

    @Test
    void aJobTypeGivenAsAConstantExpressionWithAWorkerIsAccepted() {
        assertThat(check(process(
                        "p",
                        serviceTask("task_a", "A", "=&quot;baton-known&quot;"),
                        serviceTask("task_b", "B", "=&quot;baton-&quot; + &quot;known&quot;"))))
                .isEmpty();
    }

    @Test
    void aJobTypeOverTheInstancesVariablesIsRefusedAsNotAFixedName() {
        List<PlaybookProblem> problems = check(process("p", serviceTask("task_dyn", "Dynamic", "=workerType")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("task_dyn");
            assertThat(p.message()).contains("'=workerType'", "depends on the instance's variables", KNOWN_TYPE);
        });
    }

    @Test
    void aBusinessRuleTaskRunByAJobWorkerFollowsTheJobTypeRule() {
        String task = "<bpmn:businessRuleTask id=\"task_rule\" name=\"Score\"><bpmn:extensionElements>"
                + "<zeebe:taskDefinition type=\"scoring\" /></bpmn:extensionElements></bpmn:businessRuleTask>";

        assertThat(check(process("p", task)))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no worker for the job type 'scoring'"));
    }

    private List<PlaybookProblem> check(String processes) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs"
                    targetNamespace="http://bpmn.io/schema/bpmn">
                %s
                <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" /></bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(processes);
        return checks.check(new PlaybookFiles("test.bpmn", xml.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    /** An executable process whose start event leads through the steps, in order, to its end. */
    private static String process(String id, String... steps) {
        StringBuilder flow = new StringBuilder("<bpmn:process id=\"" + id + "\" isExecutable=\"true\">");
        flow.append("<bpmn:startEvent id=\"").append(id).append("_start\" />");
        String previous = id + "_start";
        for (String step : steps) {
            String stepId = step.replaceFirst("(?s)^<[^ ]+ id=\"([^\"]+)\".*", "$1");
            flow.append(step);
            flow.append(sequenceFlow(previous, stepId));
            previous = stepId;
        }
        flow.append("<bpmn:endEvent id=\"").append(id).append("_end\" />");
        flow.append(sequenceFlow(previous, id + "_end"));
        return flow.append("</bpmn:process>").toString();
    }

    private static String sequenceFlow(String from, String to) {
        return "<bpmn:sequenceFlow id=\"flow_" + from + "_" + to + "\" sourceRef=\"" + from + "\" targetRef=\"" + to
                + "\" />";
    }

    private static String serviceTask(String id, String name, String type) {
        return "<bpmn:serviceTask id=\"" + id + "\" name=\"" + name + "\"><bpmn:extensionElements>"
                + "<zeebe:taskDefinition type=\"" + type + "\" /></bpmn:extensionElements></bpmn:serviceTask>";
    }
}
