package dev.baton.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.baton.account.AccountService;
import dev.baton.account.ContactDetails;
import dev.baton.account.ContactService;
import dev.baton.account.NewAccount;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.engine.ProcessModels;
import dev.baton.engine.WorkerRecords;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.people.PeopleService;
import dev.baton.support.Multipart;
import dev.baton.task.Task;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Runs one building block with its real worker on the in-memory engine: a playbook of one step
 * ("Block under test", input mappings as given), started with the given variables, on accounts of
 * the test's own.
 */
public abstract class BlockProcessTest extends EngineIntegrationTest {

    protected static final String STEP_NAME = "Block under test";
    private static final AtomicInteger DEPLOYED = new AtomicInteger();

    @Autowired
    protected CamundaClient camunda;

    @Autowired
    protected ProcessModels models;

    @Autowired
    protected AccountService accounts;

    @Autowired
    protected ContactService contacts;

    @Autowired
    protected PeopleService people;

    @Autowired
    protected OutboxDispatcher dispatcher;

    @Autowired
    protected GreenMail greenMail;

    /** Starts a one-step playbook running {@code type} with these input mappings (target to source). */
    protected long runBlock(String type, Map<String, String> inputs, Map<String, Object> variables) {
        String processId = "block-test-" + DEPLOYED.incrementAndGet() + "-" + type.replace('.', '-');
        BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
                .name("Block test")
                .startEvent()
                .serviceTask("task_block", t -> {
                    t.name(STEP_NAME).zeebeJobType(type);
                    inputs.forEach((target, source) -> t.zeebeInput(source, target));
                })
                .endEvent()
                .done();
        byte[] xml = Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
        DeploymentEvent deployed = camunda.newDeployResourceCommand()
                .addResourceBytes(xml, processId + ".bpmn")
                .send()
                .join();
        models.register(deployed, Map.of(processId + ".bpmn", xml));
        return processInstances.start(processId, variables);
    }

    /**
     * Uploads, as the admin ada, a playbook that reps, managers and admins may launch, named "A form,
     * then {@code type} ({@code processId})" (an upload may not take another playbook's name): a step with the
     * form {@code formId} (its JSON {@code form}) for {@code formAssignee} ({@code task_form}), then the
     * block ({@code task_block}, named {@link #STEP_NAME}, with these input mappings, target to source),
     * then {@code end_done}.
     */
    protected void uploadFormThenBlock(
            String processId,
            String formId,
            String form,
            String formAssignee,
            String type,
            Map<String, String> inputs) {
        String bpmn = launchableBy(
                "REP,MANAGER",
                Bpmn.convertToString(Bpmn.createExecutableProcess(processId)
                        .name("A form, then " + type + " (" + processId + ")")
                        .startEvent("start_requested")
                        .userTask(
                                "task_form",
                                t -> t.name("Answer the form")
                                        .zeebeFormId(formId)
                                        .zeebeAssignee(formAssignee))
                        .serviceTask("task_block", t -> {
                            t.name(STEP_NAME).zeebeJobType(type);
                            inputs.forEach((target, source) -> t.zeebeInput(source, target));
                        })
                        .endEvent("end_done")
                        .done()));
        ResponseEntity<String> uploaded = as("ada")
                .postForEntity(
                        "/api/playbooks",
                        Multipart.texts("files", Map.of(processId + ".bpmn", bpmn, formId + ".form", form)),
                        String.class);
        assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** A Camunda Form {@code formId} with one input: a form-js {@code type} (textfield, number) keyed {@code key}. */
    protected static String oneFieldForm(String formId, String type, String key, String label) {
        return """
                {"id": "%s", "type": "default", "schemaVersion": 16, "components": [
                  {"id": "Field_%s", "type": "%s", "key": "%s", "label": "%s"}]}
                """.formatted(formId, key, type, key, label);
    }

    /** The BPMN with the process's {@code baton:launchRoles} set to {@code roles} (e.g. {@code REP,MANAGER}). */
    protected static String launchableBy(String roles, String bpmn) {
        return bpmn.replaceFirst(
                "(<(\\w+:)?process [^>]*>)",
                "$1<$2extensionElements><zeebe:properties xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\">"
                        + "<zeebe:property name=\"baton:launchRoles\" value=\"" + roles + "\" />"
                        + "</zeebe:properties></$2extensionElements>");
    }

    /** {@code launcher} launches the uploaded playbook from the catalogue with these variables; its instance key. */
    @SuppressWarnings("rawtypes")
    protected long launch(String launcher, String processId, Map<String, Object> variables) {
        ResponseEntity<Map> started =
                as(launcher).postForEntity("/api/playbooks/" + processId + "/instances", variables, Map.class);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.CREATED);
        return ((Number) started.getBody().get("processInstanceKey")).longValue();
    }

    /** {@code username} answers the task through the task API. */
    @SuppressWarnings("rawtypes")
    protected ResponseEntity<Map> answer(String username, Task task, Map<String, Object> values) {
        return as(username).postForEntity("/api/tasks/" + task.getId() + "/complete", values, Map.class);
    }

    /** The variables the block's job completed with. */
    protected Map<String, Object> awaitOutputs(long instance, String type) {
        return new WorkerRecords(engine, WAIT).awaitCompleted(instance, type);
    }

    /** The message of the incident the instance stopped at. */
    protected String awaitIncident(long instance) {
        return await().atMost(WAIT)
                .until(
                        () -> StreamSupport.stream(records().incidentRecords().spliterator(), false)
                                .filter(r -> r.getIntent() == IncidentIntent.CREATED
                                        && r.getValue().getProcessInstanceKey() == instance)
                                .map(r -> r.getValue().getErrorMessage())
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
    }

    /** A new account owned by {@code owner} (a user name, or null for none). */
    protected long account(String owner) {
        Long ownerId = owner == null ? null : people.byUsername(owner).id();
        return accounts.create(new NewAccount(
                        "Block test " + ThreadLocalRandom.current().nextInt(1_000_000),
                        ownerId,
                        "Mid-market",
                        "EMEA",
                        LocalDate.now().plusMonths(6)))
                .id();
    }

    /** Gives the account a primary contact with that address. */
    protected void primaryContact(long accountId, String name, String email) {
        contacts.create(accountId, new ContactDetails(name, "Head of Operations", email, null, null, true, null));
    }

    /** A job of that type for one step, as the engine would deliver it (again), for calling a worker directly. */
    protected static ActivatedJob job(
            String type, long elementInstanceKey, Map<String, Object> variables, Map<String, String> headers) {
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getType()).thenReturn(type);
        when(job.getElementInstanceKey()).thenReturn(elementInstanceKey);
        when(job.getVariablesAsMap()).thenReturn(variables);
        when(job.getCustomHeaders()).thenReturn(headers);
        return job;
    }

    protected static long newStepKey() {
        return ThreadLocalRandom.current().nextLong(1L << 50, 1L << 60);
    }

    /** Sends what is queued, then the mails to {@code address} about that account. */
    protected List<MimeMessage> mailsTo(String address, String accountName) {
        dispatcher.dispatch();
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains(address) && mentions(m, accountName))
                .toList();
    }

    private static boolean mentions(MimeMessage m, String accountName) {
        try {
            return m.getSubject().contains(accountName)
                    || GreenMailUtil.getBody(m).contains(accountName);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
