package dev.baton.blocks;

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

    /** The task row of the instance's step, once the bridge has stored it. */
    protected Task awaitTask(long instance, String elementId) {
        return await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getProcessInstanceKey() == instance
                                        && t.getElementId().equals(elementId))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
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
