package dev.baton.handover.engine;

import dev.baton.handover.engine.HandoverBpmn.Jobs;
import dev.baton.handover.engine.HandoverBpmn.Rep;
import dev.baton.handover.engine.HandoverBpmn.Vars;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

/**
 * The benchmark's reference: Baton's two handover models deployed under other ids, their service
 * tasks answered at once by no-op workers (the same variables, no database). User tasks still go
 * through Baton's inbox, so the scripted user drives both runs the same way; their form keys are
 * renamed too, so Baton's answer handlers (which keep the note and the call on the account's handover
 * item, Baton's own work) are not asked about items the reference has none of.
 */
public class HandoverWorkersReference implements AutoCloseable {

    public static final String ACCOUNT_PROCESS = "noop-account-handover";
    static final String REP_PROCESS = "noop-rep-handover";
    static final String PREFIX = "noop-handover-";

    private final CamundaClient client;
    private final List<JobWorker> workers = new ArrayList<>();
    private final Queue<Instant> callsRecorded = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean summarised = new AtomicBoolean();

    public HandoverWorkersReference(CamundaClient client) {
        this.client = client;
    }

    public void start(int accounts, String departing, String successor) throws IOException {
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
                Jobs.TRANSFER,
                Jobs.SAVE_ANSWER,
                Jobs.SEND_INTRO,
                Jobs.REMIND_CALL,
                Jobs.ESCALATE_CALL,
                Jobs.SETTLE_LEAVE)) {
            open(type, Map.of(), null);
        }
        open(Jobs.PREPARE, prepared, null);
        open(Jobs.RECORD_ACKNOWLEDGEMENT, acknowledged, null);
        open(Jobs.CHECK_ORPHANS, Map.of(Vars.ORPHANS, 0), null);
        open(Jobs.RECORD_CALL, Map.of(), () -> callsRecorded.add(Instant.now()));
        open(Jobs.SEND_SUMMARY, Map.of(), () -> summarised.set(true));
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

    private void open(String type, Map<String, Object> variables, Runnable also) {
        workers.add(client.newWorker()
                .jobType(type.replace("baton-handover-", PREFIX))
                .handler((jobClient, job) -> {
                    if (also != null) {
                        also.run();
                    }
                    jobClient.newCompleteCommand(job).variables(variables).send();
                })
                .streamEnabled(true)
                .pollInterval(Duration.ofSeconds(5))
                .open());
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
