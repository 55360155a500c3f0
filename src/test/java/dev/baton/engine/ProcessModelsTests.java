package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Step names come from the model registered under the job's process definition key; a key this
 * instance has not seen, or one registered for another process (an engine that lost its data gives
 * keys again), falls back to the last model registered for the job's process.
 */
class ProcessModelsTests {

    @SuppressWarnings("unchecked")
    final ProcessModels models = new ProcessModels(mock(ObjectProvider.class, invocation -> mock(CamundaClient.class)));

    @Test
    void aStepIsNamedFromTheModelRegisteredUnderItsKey() {
        register(1, "check-in", "Call the customer");

        assertThat(models.elementName(1, "check-in", "task_step")).isEqualTo("Call the customer");
        assertThat(models.processName(1, "check-in")).isEqualTo("Process check-in");
    }

    @Test
    void anUnseenKeyOfAKnownProcessIsNamedFromItsLastRegisteredVersion() {
        register(1, "check-in", "Call the customer");
        register(2, "check-in", "Call the customer again");

        assertThat(models.elementName(3, "check-in", "task_step")).isEqualTo("Call the customer again");
    }

    @Test
    void aKeyRegisteredForAnotherProcessDoesNotNameThisOnesSteps() {
        register(1, "check-in", "Call the customer");
        register(1, "renewal", "Send the quote");

        assertThat(models.elementName(1, "check-in", "task_step")).isEqualTo("Call the customer");
        assertThat(models.elementName(1, "renewal", "task_step")).isEqualTo("Send the quote");
    }

    @Test
    void aProcessNobodyRegisteredAndBatonDoesNotShipHasNoNames() {
        register(1, "check-in", "Call the customer");

        assertThat(models.elementName(1, "not-registered", "task_step")).isNull();
        assertThat(models.processName(7, "not-registered")).isNull();
    }

    private void register(long definitionKey, String processId, String stepName) {
        byte[] xml = Bpmn.convertToString(Bpmn.createExecutableProcess(processId)
                        .name("Process " + processId)
                        .startEvent()
                        .serviceTask("task_step", t -> t.name(stepName).zeebeJobType("noop"))
                        .endEvent()
                        .done())
                .getBytes(StandardCharsets.UTF_8);
        Process process = mock(Process.class);
        when(process.getProcessDefinitionKey()).thenReturn(definitionKey);
        when(process.getBpmnProcessId()).thenReturn(processId);
        when(process.getResourceName()).thenReturn(processId + ".bpmn");
        DeploymentEvent deployment = mock(DeploymentEvent.class);
        when(deployment.getProcesses()).thenReturn(List.of(process));
        when(deployment.getForm()).thenReturn(List.of());
        models.register(deployment, Map.of(processId + ".bpmn", xml));
    }
}
