package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which building blocks a process's steps are and what it calls: whose leaving stops its runs. */
class BlockUseTests {

    @Test
    void readsTheBlocksAmongItsStepsInSubprocessesTooAndNotOtherJobTypes() throws Exception {
        PlaybookXml.ProcessInfo process = process("<bpmn:serviceTask id=\"task_mail\"><bpmn:extensionElements>"
                + "<zeebe:taskDefinition type=\"=&quot;baton.&quot; + &quot;send-email&quot;\" />"
                + "</bpmn:extensionElements></bpmn:serviceTask>"
                + "<bpmn:subProcess id=\"sub\"><bpmn:serviceTask id=\"task_note\"><bpmn:extensionElements>"
                + "<zeebe:taskDefinition type=\" baton.record-interaction \" /></bpmn:extensionElements>"
                + "</bpmn:serviceTask></bpmn:subProcess>"
                + "<bpmn:serviceTask id=\"task_review\"><bpmn:extensionElements>"
                + "<zeebe:taskDefinition type=\"baton-record-review\" /></bpmn:extensionElements></bpmn:serviceTask>");

        assertThat(process.blocks()).containsExactly("baton.send-email", "baton.record-interaction");
        assertThat(process.calls()).isEmpty();
    }

    @Test
    void readsWhatItCallsAndKeepsACallOnlyTheInstanceCanResolveAsWritten() throws Exception {
        PlaybookXml.ProcessInfo process = process(call("call_a", "account-handover")
                + call("call_b", "=&quot;renew&quot; + &quot;al&quot;")
                + call("call_c", "=nextPlaybook"));

        assertThat(process.blocks()).isEmpty();
        assertThat(process.calls()).containsExactly("account-handover", "renewal", "=nextPlaybook");
    }

    @Test
    void aRunMayReachBlocksThroughWhatItCallsOrWhenBatonDoesNotKnowItsVersion() {
        DeployedPlaybooks deployed = new DeployedPlaybooks();
        deployed.deployed(version("mailer", 1, Set.of("baton.send-email"), Set.of()));
        deployed.deployed(version("plain", 2, Set.of(), Set.of()));
        deployed.deployed(version("calls-mailer", 3, Set.of(), Set.of("mailer")));
        deployed.deployed(version("calls-plain", 4, Set.of(), Set.of("plain", "calls-plain", "not-deployed")));
        deployed.deployed(version("calls-anything", 5, Set.of(), Set.of("=nextPlaybook")));

        assertThat(deployed.mayReachBlocks(1)).isTrue();
        assertThat(deployed.mayReachBlocks(2)).isFalse();
        assertThat(deployed.mayReachBlocks(3)).isTrue();
        assertThat(deployed.mayReachBlocks(4)).isFalse();
        assertThat(deployed.mayReachBlocks(5)).isTrue();
        assertThat(deployed.mayReachBlocks(99))
                .as("a version Baton does not know")
                .isTrue();
    }

    private static DeployedPlaybooks.DeployedProcess version(
            String processId, long definitionKey, Set<String> blocks, Set<String> calls) {
        return DeployedProcesses.version(processId, definitionKey)
                .blocks(blocks)
                .calls(calls)
                .build();
    }

    private static String call(String id, String processId) {
        return "<bpmn:callActivity id=\"" + id + "\"><bpmn:extensionElements><zeebe:calledElement processId=\""
                + processId + "\" /></bpmn:extensionElements></bpmn:callActivity>";
    }

    private static PlaybookXml.ProcessInfo process(String steps) throws Exception {
        String xml = "<bpmn:definitions xmlns:bpmn=\"" + PlaybookXml.BPMN + "\" xmlns:zeebe=\"" + PlaybookXml.ZEEBE
                + "\"><bpmn:process id=\"p\" isExecutable=\"true\"><bpmn:startEvent id=\"start\" />" + steps
                + "</bpmn:process></bpmn:definitions>";
        return PlaybookXml.parse(xml.getBytes(StandardCharsets.UTF_8))
                .processes()
                .getFirst();
    }
}
