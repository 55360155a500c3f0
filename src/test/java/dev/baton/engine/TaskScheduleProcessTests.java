package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.command.ClientStatusException;
import io.camunda.zeebe.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Why the upload refuses the due and follow-up dates of {@link TaskDates} it refuses, and accepts the
 * others ({@link TaskScheduleChecks}): on the engine Baton runs, each refused literal is refused at
 * deployment, each refused expression stops the run at its step as an incident, or gives the step no
 * date at all, and each accepted one gives the step's job its date (or, written as none, none).
 */
@InMemoryEngineTest
@SuppressWarnings("deprecation") // ZPT hands out the deprecated zeebe client
class TaskScheduleProcessTests {

    ZeebeTestEngine engine;
    ZeebeClient client;
    RecordStream records;

    @Test
    void theEngineRefusesAtDeploymentEachDateLiteralTheUploadRefuses() {
        for (String attribute : TaskDates.ATTRIBUTES) {
            for (String value : TaskDates.REFUSED_LITERALS) {
                assertThatThrownBy(() -> client.newDeployResourceCommand()
                                .addProcessModel(process("p", attribute, value), "p.bpmn")
                                .requestTimeout(JobDriver.REQUEST_TIMEOUT)
                                .send()
                                .join())
                        .as("%s %s", attribute, value)
                        .isInstanceOf(ClientStatusException.class)
                        .hasMessageContaining("Expected static value to be a valid DateTime String")
                        .hasMessageContaining("'" + value + "'");
            }
        }
    }

    @Test
    void eachRefusedDateExpressionStopsTheRunOrGivesNoDateAndEachAcceptedOneGivesItsDate() {
        List<String> values = Stream.of(TaskDates.INCIDENTS, TaskDates.NO_DATE, TaskDates.ACCEPTED)
                .flatMap(List::stream)
                .toList();
        List<String> processIds = new ArrayList<>();
        DeployResourceCommandStep2 deploy = null;
        for (String attribute : TaskDates.ATTRIBUTES) {
            for (int i = 0; i < values.size(); i++) {
                String id = attribute + i;
                BpmnModelInstance model = process(id, attribute, values.get(i));
                deploy = deploy == null
                        ? client.newDeployResourceCommand().addProcessModel(model, id + ".bpmn")
                        : deploy.addProcessModel(model, id + ".bpmn");
                processIds.add(id);
            }
        }
        deploy.requestTimeout(JobDriver.REQUEST_TIMEOUT).send().join();
        for (String id : processIds) {
            client.newCreateInstanceCommand()
                    .bpmnProcessId(id)
                    .latestVersion()
                    .variables(Map.of("dueAt", "2026-12-24T17:00:00+01:00"))
                    .send()
                    .join();
        }
        int working = TaskDates.NO_DATE.size() + TaskDates.ACCEPTED.size();

        List<ActivatedJob> steps =
                new JobDriver(engine, client).activate(Bpmn.USER_TASK_JOB_TYPE, TaskDates.ATTRIBUTES.size() * working);
        Map<String, String> incidents = StreamSupport.stream(
                        records.incidentRecords().spliterator(), false)
                .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                .collect(Collectors.toMap(
                        r -> r.getValue().getElementId(), r -> r.getValue().getErrorMessage()));

        for (String attribute : TaskDates.ATTRIBUTES) {
            String header = "dueDate".equals(attribute) ? UserTaskHeaders.DUE_DATE : UserTaskHeaders.FOLLOW_UP_DATE;
            Map<String, ActivatedJob> byTask =
                    steps.stream().collect(Collectors.toMap(ActivatedJob::getElementId, job -> job));
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                String task = attribute + i + "_task";
                if (TaskDates.INCIDENTS.contains(value)) {
                    assertThat(incidents).as("%s %s", attribute, value).containsKey(task);
                    assertThat(byTask).as("%s %s", attribute, value).doesNotContainKey(task);
                } else {
                    assertThat(incidents).as("%s %s", attribute, value).doesNotContainKey(task);
                    assertThat(byTask).as("%s %s", attribute, value).containsKey(task);
                    boolean none = TaskDates.NO_DATE.contains(value) || value.equals("=null") || value.equals("=\"\"");
                    assertThat(byTask.get(task).getCustomHeaders().get(header))
                            .as("%s %s", attribute, value)
                            .matches(date -> none == (date == null), none ? "no date" : "a date");
                }
            }
        }
    }

    private static BpmnModelInstance process(String id, String attribute, String value) {
        var task = io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess(id)
                .startEvent()
                .userTask(id + "_task")
                .zeebeAssignee("rob");
        task = "dueDate".equals(attribute) ? task.zeebeDueDate(value) : task.zeebeFollowUpDate(value);
        return task.endEvent().done();
    }
}
