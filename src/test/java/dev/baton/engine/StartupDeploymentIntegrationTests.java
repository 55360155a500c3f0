package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.playbook.PlaybookUploadService;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.util.unit.DataSize;

/**
 * Each file is deployed on its own: a Camunda 7 file among good ones is listed with its problems, the
 * others run; a call to a process of a file deployed later is not refused for the order.
 */
class StartupDeploymentIntegrationTests extends EngineIntegrationTest {

    @Autowired
    StartupDeployment startup;

    @Autowired
    DeployedPlaybooks deployed;

    @Autowired
    PlaybookDeployer deployer;

    @Autowired
    ApplicationContext context;

    @Autowired
    ObjectMapper json;

    @Autowired
    EngineStateDirectory engineState;

    /** The sandbox's engine keeps its state in Zeebe's RocksDB store (RocksDbState says why), not in the library's. */
    @Test
    void theEmbeddedEngineKeepsItsStateInRocksDbInATemporaryDirectory() {
        assertThat(engineState.path()).isNotNull();
        assertThat(engineState.path().getFileName().toString()).startsWith("baton-engine-");
        assertThat(engineState.path().resolve("CURRENT")).isRegularFile();
    }

    @Test
    void aBadFileIsListedWithItsProblemsAndTheGoodOnesRun() {
        startup.deployFrom("classpath:/playbooks/startup/*.bpmn", "classpath:/playbooks/startup/*.form");

        assertThat(deployed.latest("Process_startup_good"))
                .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Startup good"));
        assertThat(deployed.latest("Process_c7")).isEmpty();
        assertThat(deployed.failures())
                .filteredOn(f -> f.resourceName().equals("startup-camunda7.bpmn"))
                .singleElement()
                .satisfies(f -> assertThat(f.problems())
                        .extracting(PlaybookProblem::message)
                        .anySatisfy(m -> assertThat(m).contains("Camunda 7")));
        assertThat(processInstances.start("Process_startup_good", java.util.Map.of()))
                .isPositive();
    }

    @Test
    void aFileMayCallAProcessOfAFileDeployedAfterIt() {
        // a-caller.bpmn is read before b-callee.bpmn, whose process it calls
        startup.deployFrom("classpath:/playbooks/startup-order/*.bpmn", "classpath:/playbooks/startup-order/*.form");

        assertThat(deployed.failures()).noneMatch(f -> f.resourceName().equals("a-caller.bpmn"));
        assertThat(deployed.latest("Process_order_caller")).isPresent();
        assertThat(deployed.latest("Process_order_callee")).isPresent();
    }

    /**
     * Who a new upload's steps name is checked against Baton's people and teams (AssignmentChecks),
     * but someone named in a kept upload may have left since: the upload is deployed again at start-up
     * (its steps go to unassigned work, with the reason), not dropped from the catalogue.
     */
    @Test
    void aKeptUploadNamingSomeoneBatonNoLongerHasIsDeployedAgain() {
        String kept = io.camunda.zeebe.model.bpmn.Bpmn.convertToString(
                io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess("Process_kept_names_nobody")
                        .startEvent()
                        .userTask("task_theirs")
                        .zeebeAssignee("left-since")
                        .zeebeCandidateGroups("team-gone")
                        .endEvent()
                        .done());
        PlaybookFiles files = new PlaybookFiles("kept-nobody.bpmn", kept.getBytes(), Map.of());

        assertThat(deployer.deployOrList(files, "uploaded", false))
                .extracting(DeployedPlaybooks.DeployedProcess::processId)
                .containsExactly("Process_kept_names_nobody");
        assertThat(deployed.failures()).noneMatch(f -> f.resourceName().equals("kept-nobody.bpmn"));
    }

    /**
     * An upload of one of Baton's own process ids, kept before such uploads were refused, took the
     * bundled file's place at every start: it is refused and listed now, and Baton's file runs.
     */
    @Test
    void aKeptUploadOfOneOfBatonsOwnProcessesIsRefusedAndTheBundledFileDeployed() {
        String hijack = io.camunda.zeebe.model.bpmn.Bpmn.convertToString(
                io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess("contact-stewardship")
                        .startEvent()
                        .userTask("task_mine")
                        .zeebeCandidateGroups("sales-emea")
                        .endEvent()
                        .done());
        KeptPlaybooks kept = () -> List.of(new PlaybookFiles("hijack.bpmn", hijack.getBytes(), Map.of()));
        StartupDeployment restart = new StartupDeployment(
                deployer,
                deployed,
                context,
                new StaticListableBeanFactory(Map.of("kept", kept)).getBeanProvider(KeptPlaybooks.class),
                json,
                "classpath*:/bpmn/*.bpmn",
                "classpath*:/bpmn/forms/*.form");

        restart.start();

        assertThat(deployed.latest("contact-stewardship"))
                .hasValueSatisfying(p -> assertThat(p.source()).isEqualTo(StartupDeployment.BUNDLED));
        assertThat(deployed.failures())
                .filteredOn(f -> f.resourceName().equals("hijack.bpmn"))
                .singleElement()
                .satisfies(f -> assertThat(f.problems())
                        .extracting(PlaybookProblem::message)
                        .anySatisfy(m -> assertThat(m).contains("'contact-stewardship'", "Baton's own")));
        assertThat(deployed.keptNotDeployed())
                .as("the name rule tells the upload is not running")
                .contains("contact-stewardship");
    }

    @Autowired
    JobTypes jobTypes;

    @Autowired
    AssignmentChecks assignments;

    @Autowired
    ProcessModels models;

    @Autowired
    Clock clock;

    @Autowired
    PlaybookUploadService uploads;

    /**
     * Kept uploads are deployed again oldest upload first, each checked as it comes: a playbook waiting for a
     * signal that a playbook uploaded again after it throws (the thrower's first version was there when the
     * waiting one was uploaded) came before the thrower, when nothing deployed threw the signal yet. The
     * restart is Baton's (a new memory of what is deployed, the same database and engine, as on a cluster or
     * with the engine's state kept): both are deployed again, the run waiting before the restart still waits,
     * and a run of the thrower releases it.
     */
    @Test
    void aKeptUploadWaitingForASignalThatALaterKeptUploadThrowsIsDeployedAgainAndReleased() throws Exception {
        String signal = "restart-go";
        String waiter = io.camunda.zeebe.model.bpmn.Bpmn.convertToString(
                io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess("Process_restart_waiter")
                        .name("Restart waiter")
                        .startEvent("start_waiter")
                        .intermediateCatchEvent("catch_go")
                        .signal(signal)
                        .endEvent("end_waiter")
                        .done());
        IntFunction<String> thrower = version -> io.camunda.zeebe.model.bpmn.Bpmn.convertToString(
                io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess("Process_restart_thrower")
                        .name("Restart thrower")
                        .startEvent("start_thrower")
                        .intermediateThrowEvent("throw_go_v" + version)
                        .signal(signal)
                        .endEvent("end_thrower")
                        .done());
        upload("restart-thrower.bpmn", thrower.apply(1));
        upload("restart-waiter.bpmn", waiter);
        upload("restart-thrower.bpmn", thrower.apply(2)); // a new version: now kept after the waiter
        long run = processInstances.start("Process_restart_waiter", Map.of());
        awaitWaitingAt(run, "catch_go");

        DeployedPlaybooks afterRestart = new DeployedPlaybooks();
        List<String> mine = List.of("restart-waiter.bpmn", "restart-thrower.bpmn");
        KeptPlaybooks kept = () -> uploads.kept().stream() // the database's order, this test's files only
                .filter(f -> mine.contains(f.bpmnName()))
                .toList();
        ObjectProvider<KeptPlaybooks> keptProvider =
                new StaticListableBeanFactory(Map.of("kept", kept)).getBeanProvider(KeptPlaybooks.class);
        PlaybookChecks checks =
                new PlaybookChecks(jobTypes, afterRestart, assignments, DataSize.ofMegabytes(1), keptProvider, clock);
        assertThat(kept.kept())
                .extracting(PlaybookFiles::bpmnName)
                .as("the newest upload of each process id, oldest first")
                .containsExactly("restart-waiter.bpmn", "restart-thrower.bpmn");

        new StartupDeployment(
                        new PlaybookDeployer(client, checks, afterRestart, clock, models),
                        afterRestart,
                        context,
                        keptProvider,
                        json,
                        "classpath*:/bpmn/*.bpmn",
                        "classpath*:/bpmn/forms/*.form")
                .start();

        assertThat(afterRestart.failures())
                .filteredOn(f -> mine.contains(f.resourceName()))
                .isEmpty();
        assertThat(afterRestart.latest("Process_restart_waiter")).isPresent();
        assertThat(afterRestart.latest("Process_restart_thrower"))
                .hasValueSatisfying(p -> assertThat(p.version()).isEqualTo(2));
        assertThat(afterRestart.keptNotDeployed()).isEmpty();
        awaitWaitingAt(run, "catch_go");

        processInstances.start("Process_restart_thrower", Map.of());

        awaitProcessCompleted(run);
    }

    private void upload(String name, String bpmn) {
        uploads.upload(
                List.of(new PlaybookUploadService.UploadedFile(name, bpmn.getBytes(StandardCharsets.UTF_8))), "admin");
    }

    /** Waits until the run's element is active and the engine idle, and checks that the run has not left it. */
    private void awaitWaitingAt(long run, String elementId) throws Exception {
        await().atMost(WAIT)
                .until(() -> processInstanceRecords(run)
                        .anyMatch(r -> r.getValue().getElementId().equals(elementId)
                                && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED));
        engine.waitForIdleState(WAIT);
        assertThat(processInstanceRecords(run))
                .as("the run still waits at " + elementId)
                .noneMatch(r -> r.getValue().getElementId().equals(elementId)
                        && (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                                || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED));
    }

    private Stream<Record<ProcessInstanceRecordValue>> processInstanceRecords(long run) {
        return StreamSupport.stream(records().processInstanceRecords().spliterator(), false)
                .filter(r -> r.getValue().getProcessInstanceKey() == run);
    }

    @Test
    void everyBundledPlaybookPassesBatonsChecks() throws java.io.IOException {
        List<String> files = java.util.Arrays.stream(context.getResources("classpath*:/bpmn/*.bpmn"))
                .map(org.springframework.core.io.Resource::getFilename)
                .toList();

        assertThat(files)
                .contains(
                        "sample-review.bpmn",
                        "rep-handover.bpmn",
                        "account-handover.bpmn",
                        "commitment.bpmn",
                        "sales-to-cs-handoff.bpmn",
                        "renewal.bpmn",
                        "contact-stewardship.bpmn",
                        "lead-follow-up.bpmn");
        assertThat(deployed.failures()).noneMatch(f -> files.contains(f.resourceName()));
        assertThat(deployed.all())
                .extracting(DeployedPlaybooks.DeployedProcess::processId)
                .contains(
                        "sample-review",
                        "rep-handover",
                        "account-handover",
                        "commitment",
                        "sales-to-cs-handoff",
                        "renewal",
                        "contact-stewardship",
                        "lead-follow-up");
    }

    @Test
    void theEnginesRefusalIsReadElementByElement() {
        String message = """
        Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:
        'bad.bpmn': - Element: t
            - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element
        - Element: f3 > conditionExpression
            - ERROR: Expected expression but found static value '${a > 1}'.
        """;
        PlaybookFiles files = new PlaybookFiles("bad.bpmn", """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">
        <bpmn:serviceTask id="t" name="Do it"/></bpmn:process></bpmn:definitions>""".getBytes(), java.util.Map.of());

        // each said plainly where Baton recognises it (EngineModelMessages), as at the upload's own checks
        assertThat(PlaybookDeployer.refusal(message, files))
                .containsExactly(
                        new PlaybookProblem(
                                "t",
                                "Do it",
                                EngineModelMessages.plain(
                                        "Must have exactly one 'zeebe:taskDefinition' extension element")),
                        new PlaybookProblem("f3", null, "Expected expression but found static value '${a > 1}'."));
        assertThat(PlaybookDeployer.refusal(message, files).getFirst().message())
                .startsWith("no job type");
    }
}
