package dev.baton.engine;

import dev.baton.shared.EngineUnavailableException;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.MigrateProcessInstanceCommandStep1.MigrateProcessInstanceCommandFinalStep;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Starts playbooks (deployed BPMN processes) by process id; the latest deployed version runs. */
@Service
public class ProcessInstances {

    private final CamundaClient client;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProcessInstances(CamundaClient client, ApplicationEventPublisher events, Clock clock) {
        this.client = client;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Returns the new process instance's key; publishes {@link ProcessInstanceStarted}.
     *
     * @throws EngineUnavailableException when the engine could not be reached or turned the command away
     */
    public long start(String processId, Map<String, Object> variables) {
        Instant requestedAt = clock.instant();
        ProcessInstanceEvent started;
        try {
            started = client.newCreateInstanceCommand()
                    .bpmnProcessId(processId)
                    .latestVersion()
                    .variables(variables)
                    .send()
                    .join();
        } catch (RuntimeException e) {
            if (EngineFailures.unreachableOrBusy(e)) {
                throw new EngineUnavailableException("starting " + processId, e);
            }
            throw e;
        }
        events.publishEvent(new ProcessInstanceStarted(
                started.getProcessInstanceKey(),
                started.getBpmnProcessId(),
                started.getVersion(),
                started.getProcessDefinitionKey(),
                requestedAt,
                // not Map.copyOf: a variable may be null (FEEL's null), and the instance has started already
                Collections.unmodifiableMap(new HashMap<>(variables))));
        return started.getProcessInstanceKey();
    }

    /**
     * Whether the engine still has the instance. The gRPC API has no query, so this asks it to set
     * no variables on the instance: it answers NOT_FOUND once the instance has completed or been
     * cancelled (the two cannot be told apart this way).
     *
     * @throws RuntimeException when the engine does not answer
     */
    public boolean isRunning(long processInstanceKey) {
        try {
            client.newSetVariablesCommand(processInstanceKey)
                    .variables(Map.of())
                    .send()
                    .join();
            return true;
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Cancels a running instance, and with it the instances it called; the jobs of its open user
     * tasks are gone then.
     *
     * @return false when the engine no longer has the instance (it completed, or was cancelled before)
     * @throws EngineUnavailableException when the engine could not be reached or turned the command away
     * @throws RuntimeException when the engine does not answer otherwise (nothing is known to have changed)
     */
    public boolean cancel(long processInstanceKey) {
        try {
            client.newCancelInstanceCommand(processInstanceKey).send().join();
            return true;
        } catch (RuntimeException e) {
            if (e instanceof ClientStatusException s && s.getStatusCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            if (EngineFailures.unreachableOrBusy(e)) {
                throw new EngineUnavailableException("cancelling instance " + processInstanceKey, e);
            }
            throw e;
        }
    }

    /**
     * Moves a running instance to another version of its process (Zeebe's process instance
     * migration); each active element moves to the element of the same id.
     *
     * @param elementIds the ids of the elements the instance may be in, all present in the target
     * @throws IllegalStateException with the engine's reason when it refuses (e.g. an active element
     *     with no counterpart, an instance gone)
     */
    public void migrate(long processInstanceKey, long targetDefinitionKey, Iterable<String> elementIds) {
        var plan = client.newMigrateProcessInstanceCommand(processInstanceKey).migrationPlan(targetDefinitionKey);
        MigrateProcessInstanceCommandFinalStep command = null;
        for (String id : elementIds) {
            command = command == null ? plan.addMappingInstruction(id, id) : command.addMappingInstruction(id, id);
        }
        if (command == null) {
            throw new IllegalArgumentException("no element to map");
        }
        try {
            command.send().join();
        } catch (ClientStatusException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
