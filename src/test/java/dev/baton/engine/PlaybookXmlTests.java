package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What Baton keeps of each element a run can wait in: its kind, as the engine tells kinds apart when moving a run. */
class PlaybookXmlTests {

    @Test
    void eachElementARunCanWaitInIsKeptWithItsKind() throws Exception {
        String bpmn = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
                  <bpmn:process id="p" isExecutable="true">
                    <bpmn:userTask id="review" />
                    <bpmn:userTask id="reviews"><bpmn:multiInstanceLoopCharacteristics isSequential="true" /></bpmn:userTask>
                    <bpmn:serviceTask id="record" />
                    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>
                    <bpmn:subProcess id="stage"><bpmn:callActivity id="call" /></bpmn:subProcess>
                    <bpmn:subProcess id="late" triggeredByEvent="true" />
                    <bpmn:businessRuleTask id="rule" />
                  </bpmn:process>
                </bpmn:definitions>
                """;

        PlaybookXml.ProcessInfo process = PlaybookXml.parse(bpmn.getBytes(StandardCharsets.UTF_8))
                .processes()
                .getFirst();

        assertThat(process.activities())
                .containsExactly(
                        java.util.Map.entry("review", "user task"),
                        java.util.Map.entry("reviews", "sequential multi-instance user task"),
                        java.util.Map.entry("record", "service task"),
                        java.util.Map.entry("wait", "timer catch event"),
                        java.util.Map.entry("stage", "subprocess"),
                        java.util.Map.entry("call", "call activity"),
                        java.util.Map.entry("late", "event subprocess"),
                        java.util.Map.entry("rule", "business rule task"));
    }

    /** The engine moves a waiting element only within its flow scope: the innermost subprocess around it. */
    @Test
    void eachElementInsideASubprocessIsKeptWithItsInnermostSubprocess() throws Exception {
        String bpmn = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
                  <bpmn:process id="p" isExecutable="true">
                    <bpmn:userTask id="review" />
                    <bpmn:subProcess id="stage">
                      <bpmn:callActivity id="call" />
                      <bpmn:subProcess id="inner"><bpmn:userTask id="deep" /></bpmn:subProcess>
                    </bpmn:subProcess>
                    <bpmn:subProcess id="late" triggeredByEvent="true"><bpmn:userTask id="chase" /></bpmn:subProcess>
                    <bpmn:adHocSubProcess id="loose"><bpmn:userTask id="any" /></bpmn:adHocSubProcess>
                  </bpmn:process>
                </bpmn:definitions>
                """;

        PlaybookXml.ProcessInfo process = PlaybookXml.parse(bpmn.getBytes(StandardCharsets.UTF_8))
                .processes()
                .getFirst();

        assertThat(process.scopes())
                .containsExactly(
                        java.util.Map.entry("call", "stage"),
                        java.util.Map.entry("inner", "stage"),
                        java.util.Map.entry("deep", "inner"),
                        java.util.Map.entry("chase", "late"),
                        java.util.Map.entry("any", "loose"));
    }
}
