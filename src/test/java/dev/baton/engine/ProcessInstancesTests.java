package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep2;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3;
import io.camunda.client.api.response.ProcessInstanceEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/** What a start tells the rest of Baton ({@link ProcessInstanceStarted}). */
class ProcessInstancesTests {

    static final Instant ASKED = Instant.parse("2026-12-05T18:00:00Z");

    /**
     * The start is dated when Baton asked for it, not when the engine's answer came: the steps of a playbook
     * the run calls may reach Baton in between, and a cancel looks for the steps that arrived since the run's
     * start (session 44's suite: a called step arrived before the run was recorded and stayed open).
     */
    @Test
    void aStartIsDatedWhenItWasAskedForNotWhenTheEngineAnswered() {
        Instant[] now = {ASKED};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        ProcessInstanceEvent event = mock(ProcessInstanceEvent.class);
        when(event.getProcessInstanceKey()).thenReturn(42L);
        when(event.getBpmnProcessId()).thenReturn("caller");
        when(event.getVersion()).thenReturn(1);
        when(event.getProcessDefinitionKey()).thenReturn(7L);
        CamundaClient client = answeringAfterFiveSeconds(event, now);
        List<Object> published = new ArrayList<>();
        ApplicationEventPublisher events = published::add;

        new ProcessInstances(client, events, clock).start("caller", Map.of("accountId", 3));

        assertThat(published)
                .singleElement()
                .isInstanceOfSatisfying(
                        ProcessInstanceStarted.class,
                        s -> assertThat(s.requestedAt()).isEqualTo(ASKED));
    }

    /** A client whose create command answers {@code event} five seconds (of {@code now}) after it was sent. */
    @SuppressWarnings("unchecked")
    private static CamundaClient answeringAfterFiveSeconds(ProcessInstanceEvent event, Instant[] now) {
        CamundaClient client = mock(CamundaClient.class);
        CreateProcessInstanceCommandStep1 step1 = mock(CreateProcessInstanceCommandStep1.class);
        CreateProcessInstanceCommandStep2 step2 = mock(CreateProcessInstanceCommandStep2.class);
        CreateProcessInstanceCommandStep3 step3 = mock(CreateProcessInstanceCommandStep3.class);
        CamundaFuture<ProcessInstanceEvent> future = mock(CamundaFuture.class);
        when(client.newCreateInstanceCommand()).thenReturn(step1);
        when(step1.bpmnProcessId("caller")).thenReturn(step2);
        when(step2.latestVersion()).thenReturn(step3);
        when(step3.variables(anyMap())).thenReturn(step3);
        when(step3.send()).thenReturn(future);
        when(future.join()).thenAnswer(i -> {
            now[0] = ASKED.plusSeconds(5);
            return event;
        });
        return client;
    }
}
