package dev.baton.handover.engine;

import dev.baton.commitment.engine.CommitmentBenchmarkSupport;
import dev.baton.commitment.engine.CommitmentBpmn;
import dev.baton.engine.Bpmn;
import dev.baton.handover.engine.HandoverBpmn.Jobs;
import dev.baton.handover.engine.HandoverBpmn.Rep;
import dev.baton.handover.engine.HandoverBpmn.Vars;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SequencedMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The benchmark's reference: Baton's two handover models deployed under other ids, their service
 * tasks answered at once by no-op workers (the same variables, no database). User tasks still go
 * through Baton's inbox, so the scripted user drives both runs the same way; their form keys are
 * renamed too, so Baton's answer handlers (which keep the note and the call on the account's handover
 * item, Baton's own work) are not asked about items the reference has none of.
 *
 * <p>The book's commitments follow the same pattern: Baton's commitment model under another id,
 * its read step a no-op worker answering with the variables Baton's gives ({@link
 * #startCommitments}). Baton's transfer moves each commitment's waiting deliver step to a successor in
 * the same zone in its inbox, without the engine ({@code CommitmentService.ownerStepCanMove}), so the
 * no-op transfer sends the engine nothing either: the engine's share of a handover is the same on both
 * sides, Baton's own work is not.
 */
public class HandoverWorkersReference implements AutoCloseable {

    public static final String ACCOUNT_PROCESS = "noop-account-handover";
    public static final String COMMITMENT_PROCESS = "noop-commitment";
    static final String REP_PROCESS = "noop-rep-handover";
    static final String PREFIX = "noop-handover-";
    static final String COMMITMENT_PREFIX = "noop-";

    private final CamundaClient client;
    private final List<JobWorker> workers = new ArrayList<>();
    private final Queue<Instant> callsRecorded = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean summarised = new AtomicBoolean();
    /** the book's commitments in account order: handover item i (from 1) is the i-th account's */
    private List<Long> commitmentIds = List.of();

    public HandoverWorkersReference(CamundaClient client) {
        this.client = client;
    }

    public void start(int accounts, String departing, String successor) throws IOException {
        copyForms("handover-", PREFIX);
        client.newDeployResourceCommand()
                .addResourceStringUtf8(renamed("bpmn/account-handover.bpmn"), ACCOUNT_PROCESS + ".bpmn")
                .addResourceStringUtf8(renamed("bpmn/rep-handover.bpmn"), REP_PROCESS + ".bpmn")
                .send()
                .join();
        String far = Instant.now().plus(Duration.ofDays(365)).toString();
        Map<String, Object> prepared = new HashMap<>(Map.of(
                Vars.DEPARTING,
                departing,
                Vars.NOTE_AUTHOR,
                departing,
                Vars.MANAGER,
                "maria",
                Vars.SUCCESSOR,
                successor,
                Vars.NOTE_DUE_AT,
                far,
                Vars.INTRO_OPT_OUT,
                false));
        Map<String, Object> acknowledged =
                Map.of(Vars.QUESTION_OPEN, false, Vars.INTRO_CALL_DUE_AT, far, Vars.INTRO_REMINDER_AT, far);
        for (String type : List.of(
                Jobs.RECORD_START,
                Jobs.RECORD_SUCCESSOR,
                Jobs.SAVE_NOTE,
                Jobs.SAVE_ANSWER,
                Jobs.QUESTION_UNANSWERED,
                Jobs.SEND_INTRO,
                Jobs.REMIND_CALL,
                Jobs.ESCALATE_CALL,
                Jobs.SETTLE_LEAVE)) {
            open(type, Map.of(), null);
        }
        // no message to the commitment's process: Baton's transfer moves a step its owner acts on in the inbox,
        // without the engine, for a successor in the same zone (CommitmentService.ownerStepCanMove), as here
        open(Jobs.TRANSFER, Map.of(), null);
        open(Jobs.PREPARE, prepared, null);
        open(Jobs.RECORD_ACKNOWLEDGEMENT, acknowledged, null);
        open(Jobs.CHECK_ORPHANS, Map.of(Vars.ORPHANS, 0), null);
        open(Jobs.RECORD_CALL, Map.of(), job -> callsRecorded.add(Instant.now()));
        open(Jobs.SEND_SUMMARY, Map.of(), job -> summarised.set(true));
        client.newPublishMessageCommand()
                .messageName(Rep.MESSAGE_LAUNCHED.replace("baton-handover-", PREFIX))
                .correlationKey("reference-" + UUID.randomUUID())
                .timeToLive(Duration.ZERO)
                .variables(Map.of(
                        Vars.HANDOVER_ID,
                        0,
                        Vars.ITEM_IDS,
                        LongStream.rangeClosed(1, accounts).boxed().toList(),
                        Vars.MANAGER,
                        "maria",
                        Vars.DEPARTING,
                        departing,
                        Vars.TEMPORARY,
                        false))
                .send()
                .join();
    }

    /**
     * Starts one no-op commitment process per commitment, as Baton's sweep starts its own, each to wait
     * at its deliver step assigned to {@code owner}. {@code commitmentAccounts}: commitment id to its
     * account id, in account order (the order of the handover's items).
     */
    public void startCommitments(SequencedMap<Long, Long> commitmentAccounts, String owner) throws IOException {
        copyForms("commitment-", COMMITMENT_PREFIX + "commitment-");
        client.newDeployResourceCommand()
                .addResourceStringUtf8(renamedCommitment(), COMMITMENT_PROCESS + ".bpmn")
                .send()
                .join();
        commitmentIds = List.copyOf(commitmentAccounts.keySet());
        String far = Instant.now().plus(Duration.ofDays(60)).toString();
        open(COMMITMENT_PREFIX + CommitmentBpmn.READ_JOB_TYPE, null, null);
        commitmentAccounts.forEach((commitment, account) -> client.newPublishMessageCommand()
                .messageName(COMMITMENT_PREFIX + CommitmentBpmn.MESSAGE_RECORDED)
                .correlationKey(String.valueOf(commitment))
                .timeToLive(Duration.ZERO)
                .variables(Map.of(
                        Bpmn.Variables.COMMITMENT_ID,
                        commitment,
                        Bpmn.Variables.ACCOUNT_ID,
                        account,
                        CommitmentBpmn.Variables.OWNER_USERNAME,
                        owner,
                        CommitmentBpmn.Variables.DUE_AT,
                        far))
                .send()
                .join());
    }

    public boolean finished() {
        return summarised.get();
    }

    public List<Long> perAccountMillis(Instant start) {
        return callsRecorded.stream()
                .map(at -> Duration.between(start, at).toMillis())
                .sorted()
                .toList();
    }

    @Override
    public void close() {
        workers.forEach(JobWorker::close);
    }

    /** {@code variables} null: the commitment read step's, as CommitmentWorkers.read answers. */
    private void open(String type, Map<String, Object> variables, Consumer<ActivatedJob> also) {
        workers.add(client.newWorker()
                .jobType(type.replace("baton-handover-", PREFIX))
                .handler((jobClient, job) -> {
                    if (also != null) {
                        also.accept(job);
                    }
                    jobClient
                            .newCompleteCommand(job)
                            .variables(variables != null ? variables : readAnswer(job))
                            .send();
                })
                .streamEnabled(true)
                .pollInterval(Duration.ofSeconds(5))
                .open());
    }

    /** The same variable names and kinds of value as Baton's read step gives for a commitment to deliver. */
    private static Map<String, Object> readAnswer(ActivatedJob job) {
        Map<String, Object> current = job.getVariablesAsMap();
        Map<String, Object> v = new HashMap<>();
        v.put(CommitmentBpmn.Variables.STAGE, "deliver");
        v.put(CommitmentBpmn.Variables.VERSION, 0);
        v.put(Bpmn.Variables.ACCOUNT_ID, current.get(Bpmn.Variables.ACCOUNT_ID));
        v.put(CommitmentBpmn.Variables.OWNER_USERNAME, current.get(CommitmentBpmn.Variables.OWNER_USERNAME));
        v.put(CommitmentBpmn.Variables.MADE_BY_USERNAME, "maria");
        v.put(CommitmentBpmn.Variables.DELIVERING_TEAM, "delivery");
        v.put(CommitmentBpmn.Variables.VERIFYING_TEAM, "customer-success");
        v.put(CommitmentBpmn.Variables.ESCALATE_TO_USERNAME, "maria");
        v.put(CommitmentBpmn.Variables.DUE_AT, current.get(CommitmentBpmn.Variables.DUE_AT));
        v.put(CommitmentBpmn.Variables.REMINDER_AT, current.get(CommitmentBpmn.Variables.DUE_AT));
        CommitmentBenchmarkSupport.FORM_FIELDS.forEach(field -> v.put(field, null));
        return v;
    }

    private static String renamedCommitment() throws IOException {
        return read("bpmn/commitment.bpmn")
                .replace(
                        "process id=\"" + CommitmentBpmn.PROCESS_ID + "\"", "process id=\"" + COMMITMENT_PROCESS + "\"")
                .replace(
                        "bpmnElement=\"" + CommitmentBpmn.PROCESS_ID + "\"",
                        "bpmnElement=\"" + COMMITMENT_PROCESS + "\"")
                .replace("\"baton-commitment-", "\"" + COMMITMENT_PREFIX + "baton-commitment-")
                .replace("name=\"commitment-", "name=\"" + COMMITMENT_PREFIX + "commitment-")
                .replace("formKey=\"commitment-", "formKey=\"" + COMMITMENT_PREFIX + "commitment-");
    }

    /**
     * Baton reads a user task's form by its key from the classpath ({@code bpmn/forms/<key>.form}) and
     * checks each answer against it (a key the form lacks is refused): the renamed form keys get copies
     * of Baton's forms beside them, so the reference's answers are checked against the same forms, read
     * and cached the same way. Without them every reference answer was refused and its run never ended.
     */
    private static void copyForms(String prefix, String renamedPrefix) throws IOException {
        Path forms;
        Path testClasses;
        try {
            forms = Path.of(HandoverWorkersReference.class
                            .getClassLoader()
                            .getResource("bpmn/forms/" + prefix + (prefix.startsWith("handover") ? "note" : "deliver")
                                    + ".form")
                            .toURI())
                    .getParent();
            // the test classes' own directory, so the copies never reach the main classes and a jar
            testClasses = Path.of(HandoverWorkersReference.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Path copies = Files.createDirectories(testClasses.resolve("bpmn/forms"));
        try (Stream<Path> files = Files.list(forms)) {
            for (Path form : files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .toList()) {
                String name = form.getFileName().toString();
                Files.copy(
                        form,
                        copies.resolve(renamedPrefix + name.substring(prefix.length())),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = HandoverWorkersReference.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String renamed(String resource) throws IOException {
        try (InputStream in = HandoverWorkersReference.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("baton-handover-", PREFIX)
                    .replace("\"account-handover\"", "\"" + ACCOUNT_PROCESS + "\"")
                    .replace("\"rep-handover\"", "\"" + REP_PROCESS + "\"")
                    .replace("formKey=\"handover-", "formKey=\"" + PREFIX);
        }
    }
}
