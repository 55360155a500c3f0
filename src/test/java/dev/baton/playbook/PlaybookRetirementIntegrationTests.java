package dev.baton.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.support.Multipart;
import dev.baton.support.SignedIn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Session 42's probe, F8: a playbook uploaded by mistake could not be retired (no control, {@code DELETE} a
 * 405): it stayed in the catalogue, could be launched for good, and its timer kept starting runs.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class PlaybookRetirementIntegrationTests extends EngineIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void revenueOpsRetireAPlaybookSoItIsNeitherListedNorLaunchedNorTimerStartedWhileItsRunGoesOnThenBringItBack()
            throws Exception {
        String processId = "p42_retire_" + System.nanoTime();
        String name = "Retire check " + processId;
        String bpmn = timerPlaybook(processId, name);
        upload("olga", bpmn);
        long run = launchedAndWaiting(processId);
        assertThat(SignedIn.as(http, "olga").getForObject("/playbooks/" + processId, String.class))
                .contains("Retire this playbook");
        assertThat(SignedIn.as(http, "olga").getForObject("/playbooks/sample-review", String.class))
                .doesNotContain("Retire this playbook");

        String retire = "/api/playbooks/" + processId + "/retire";
        assertThat(as("maria").postForEntity(retire, null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> retired = as("olga").postForEntity(retire, null, Map.class);

        assertThat(retired.getStatusCode()).as("%s", retired.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(retired.getBody()).containsEntry("retiredBy", "olga").containsEntry("mayLaunch", false);
        assertThat((List<Integer>) retired.getBody().get("versions"))
                .as("deployed again without its timer start event")
                .containsExactly(1, 2);
        // version 2 is Baton's copy, not its author's new version: labelled, and no run is moved to it (session
        // 43's probe: the page offered to move the launched run to it); version 1 is the newest its author made
        assertThat((Map<String, Object>) retired.getBody().get("retirementCopies"))
                .containsExactly(Map.entry("2", 1));
        String page = SignedIn.as(http, "olga").getForObject("/playbooks/" + processId, String.class);
        assertThat(page)
                .contains("Baton&#39;s copy of version 1 without its timer and signal start events")
                .contains(", and its timer and signal start events")
                .doesNotContain("Move running instances to version")
                .doesNotContain("Move those that can");
        Map<String, Object> preview = as("olga").getForObject("/api/playbooks/" + processId + "/upgrade", Map.class);
        assertThat(preview)
                .containsEntry("retirementCopyOf", 1)
                .containsEntry("targetVersion", 1)
                .containsEntry("note", null);
        assertThat((List<Map<String, Object>>) preview.get("instances")).isEmpty();
        Map<String, Object> moved =
                as("olga").postForObject("/api/playbooks/" + processId + "/upgrade", null, Map.class);
        assertThat((List<Map<String, Object>>) moved.get("instances")).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select process_version from playbook_instance where process_instance_key = ?",
                        Integer.class,
                        run))
                .isEqualTo(1);
        assertThat(catalogue("maria")).doesNotContain(processId);
        assertThat(catalogue("olga")).contains(processId);
        assertThat(SignedIn.as(http, "maria").getForObject("/playbooks", String.class))
                .doesNotContain(name);
        ResponseEntity<Map> launch =
                as("maria").postForEntity("/api/playbooks/" + processId + "/instances", Map.of(), Map.class);
        assertThat(launch.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) launch.getBody().get("detail")).contains("'" + name + "' is retired");
        assertThat(as("olga").postForEntity(retire, null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(as("ada")
                        .postForEntity("/api/playbooks/sample-review/retire", null, Map.class)
                        .getStatusCode())
                .as("Baton's own playbooks cannot be retired")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'playbook.retired' and actor = 'olga'"
                                + " and after_state ->> 'playbook' = ?",
                        Long.class,
                        processId))
                .isEqualTo(1L);

        // its timer (every minute) starts no run any more
        engine.increaseTime(Duration.ofMinutes(3));
        engine.waitForIdleState(WAIT);
        Thread.sleep(1_000);
        assertThat(tasksOf(processId)).isEqualTo(1);
        // a new version while it is retired is refused: its timer would start runs of a retired playbook
        // (session 42's second probe: accepted as version 5, and its timer started a run a second later)
        Map<String, byte[]> again = new LinkedHashMap<>();
        again.put("retire.bpmn", bpmn.replace("R/PT1M", "R/PT2M").getBytes(StandardCharsets.UTF_8));
        ResponseEntity<Map> refused =
                as("olga").postForEntity("/api/playbooks", Multipart.files("files", again), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(refused.getBody().get("problems")))
                .contains("'" + processId + "' is retired: bring it back first");
        assertThat((List<Integer>) as("olga")
                        .getForObject("/api/playbooks/" + processId, Map.class)
                        .get("versions"))
                .containsExactly(1, 2);
        // its run goes on: listed on its page, and cancelable
        assertThat(SignedIn.as(http, "olga").getForObject("/playbooks/" + processId, String.class))
                .contains("Bring it back")
                .contains("data-key=\"" + run + "\"");
        assertThat(as("maria")
                        .postForEntity(
                                "/api/playbooks/instances/" + run + "/cancel", Map.of("reason", "retired"), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        ResponseEntity<Map> restored =
                as("olga").postForEntity("/api/playbooks/" + processId + "/restore", null, Map.class);

        assertThat(restored.getStatusCode()).as("%s", restored.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(restored.getBody()).containsEntry("retiredAt", null).containsEntry("mayLaunch", true);
        assertThat((Map<String, Object>) restored.getBody().get("retirementCopies"))
                .as("the copy stays labelled; the version brought back is the author's again")
                .containsExactly(Map.entry("2", 1));
        assertThat((List<Integer>) restored.getBody().get("versions")).containsExactly(1, 2, 3);
        assertThat(catalogue("maria")).contains(processId);
        assertThat(as("maria")
                        .postForEntity("/api/playbooks/" + processId + "/instances", Map.of(), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        engine.increaseTime(Duration.ofMinutes(2));
        await().atMost(WAIT).until(() -> tasksOf(processId) >= 3); // the launch's, and its timer's again
        assertThat(as("olga")
                        .postForEntity("/api/playbooks/" + processId + "/restore", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    /**
     * Session 43's probe: while a playbook was retired, its older runs could not move to its author's newest
     * version, as the only target offered was Baton's copy of it. They move to the author's version now, past
     * the copy, and its timer still starts nothing while the playbook is retired.
     */
    @Test
    void whileRetiredOlderRunsMoveToTheAuthorsNewestVersionNotToBatonsCopy() throws Exception {
        String processId = "p43_retired_move_" + System.nanoTime();
        String bpmn = timerPlaybook(processId, null);
        upload("olga", bpmn);
        long run = launchedAndWaiting(processId);
        upload("olga", bpmn.replace("name=\"Team pipeline check\"", "name=\"Team pipeline review\""));
        ResponseEntity<Map> retired =
                as("olga").postForEntity("/api/playbooks/" + processId + "/retire", null, Map.class);
        assertThat(retired.getStatusCode()).as("%s", retired.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) retired.getBody().get("retirementCopies"))
                .containsExactly(Map.entry("3", 2));

        Map<String, Object> preview = as("olga").getForObject("/api/playbooks/" + processId + "/upgrade", Map.class);

        assertThat(preview).containsEntry("targetVersion", 2).containsEntry("retirementCopyOf", 2);
        assertThat((List<Map<String, Object>>) preview.get("instances"))
                .singleElement()
                .satisfies(c -> assertThat(c).containsEntry("canMove", true).containsEntry("fromVersion", 1));
        assertThat(SignedIn.as(http, "olga").getForObject("/playbooks/" + processId, String.class))
                .contains("Move running instances to version <span>2</span>", "Move those that can")
                .contains("runs move to version 2, the newest its author made, not to the copy");

        Map<String, Object> moved =
                as("olga").postForObject("/api/playbooks/" + processId + "/upgrade", null, Map.class);

        assertThat((List<Map<String, Object>>) moved.get("instances"))
                .singleElement()
                .satisfies(c -> assertThat(c).containsEntry("canMove", true));
        assertThat(jdbc.queryForObject(
                        "select process_version from playbook_instance where process_instance_key = ?",
                        Integer.class,
                        run))
                .isEqualTo(2);
        // version 2 has a timer start event, but the copy is the newest: nothing starts while it is retired
        engine.increaseTime(Duration.ofMinutes(3));
        engine.waitForIdleState(WAIT);
        Thread.sleep(1_000);
        assertThat(tasksOf(processId)).isEqualTo(1);
    }

    /**
     * Session 44's probe: an author who downloaded Baton's retirement copy, edited it in Modeler and uploaded it
     * made a version that still carried the copy's mark, so Baton took it for its own copy (labelled so, runs not
     * offered the move to it, the upgrade skipping it).
     */
    @Test
    void anAuthorsUploadOfADownloadedRetirementCopyIsTheirOwnVersionWithoutTheMark() throws Exception {
        String processId = "p44_copy_upload_" + System.nanoTime();
        String bpmn = timerPlaybook(processId, "Copy upload " + processId);
        upload("olga", bpmn);
        long run = launchedAndWaiting(processId);
        assertThat(as("olga")
                        .postForEntity("/api/playbooks/" + processId + "/retire", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("olga")
                        .postForEntity("/api/playbooks/" + processId + "/restore", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String copy = as("olga").getForObject("/api/playbooks/" + processId + "/xml?version=2", String.class);
        assertThat(copy).contains("baton:retirementCopyOf=\"1\"");

        Map<String, byte[]> edited = new LinkedHashMap<>();
        edited.put(
                "retire.bpmn",
                copy.replace("name=\"Team pipeline check\"", "name=\"Team pipeline review\"")
                        .getBytes(StandardCharsets.UTF_8));
        ResponseEntity<List> uploaded =
                as("olga").postForEntity("/api/playbooks", Multipart.files("files", edited), List.class);

        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> deployed = (Map<String, Object>) uploaded.getBody().getFirst();
        assertThat(deployed).containsEntry("version", 4);
        Map<String, Object> playbook = as("olga").getForObject("/api/playbooks/" + processId, Map.class);
        assertThat((Map<String, Object>) playbook.get("retirementCopies"))
                .as("only Baton's own copy is one")
                .containsExactly(Map.entry("2", 1));
        assertThat(as("olga").getForObject("/api/playbooks/" + processId + "/xml?version=4", String.class))
                .contains("Team pipeline review")
                .doesNotContain("retirementCopyOf");
        Map<String, Object> preview = as("olga").getForObject("/api/playbooks/" + processId + "/upgrade", Map.class);
        assertThat(preview).containsEntry("targetVersion", 4).containsEntry("retirementCopyOf", null);
        assertThat((List<Map<String, Object>>) preview.get("instances"))
                .singleElement()
                .satisfies(c -> assertThat(c).containsEntry("canMove", true).containsEntry("fromVersion", 1));
        assertThat(String.valueOf(deployed.get("warnings")))
                .contains("Baton removed baton:retirementCopyOf from this process");
    }

    /** Session 43's probe: the banner said "its timer starts no run" of a playbook that has no timer. */
    @Test
    void theBannerOfARetiredPlaybookWithoutATimerSaysNothingOfTimers() {
        String processId = "p43_retired_plain_" + System.nanoTime();
        upload("olga", PlaybookUploadIntegrationTests.good(processId));

        assertThat(as("olga")
                        .postForEntity("/api/playbooks/" + processId + "/retire", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(SignedIn.as(http, "olga").getForObject("/playbooks/" + processId, String.class))
                .contains("it is no longer launched or listed in the catalogue. Its runs go on.")
                .doesNotContain("start no run", "timer starts");
    }

    /**
     * Session 45's note: a retired playbook's latest kept upload is Baton's copy without its timer, kept in the
     * retirer's name, so the page and the API named whoever retired it as its uploader. They name the author of
     * its last real version, and the retirement separately.
     */
    @Test
    void aRetiredPlaybooksPageNamesWhoUploadedItsLastVersionAndSeparatelyWhoRetiredIt() {
        String processId = "p46_retired_uploader_" + System.nanoTime();
        upload("ada", timerPlaybook(processId, "Retired uploader " + processId));
        assertThat(as("olga")
                        .postForEntity("/api/playbooks/" + processId + "/retire", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(as("olga").getForObject("/api/playbooks/" + processId + "/warnings", Map.class))
                .containsEntry("file", "retire.bpmn")
                .containsEntry("uploadedBy", "ada");
        assertThat(as("olga").getForObject("/api/playbooks/" + processId, Map.class))
                .containsEntry("source", "uploaded by ada")
                .containsEntry("retiredBy", "olga");
        assertThat(SignedIn.as(http, "olga").getForObject("/playbooks/" + processId, String.class))
                .containsPattern("id=\"uploaded\"><span>retire.bpmn</span>, uploaded by <span>Ada Lovelace</span> on")
                .contains("Retired by <span>Olga Reyes</span> on")
                .doesNotContain("uploaded by <span>Olga Reyes");
        String uploadedOn = as("olga")
                .getForObject("/api/playbooks/" + processId + "/warnings", Map.class)
                .get("uploadedAt")
                .toString();

        // session 47: "Bring it back" deployed the author's file again in the restorer's name, so the page then
        // named the restorer as its uploader; the author stays its uploader, and the restore is said beside it
        assertThat(as("olga")
                        .postForEntity("/api/playbooks/" + processId + "/restore", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(as("olga").getForObject("/api/playbooks/" + processId + "/warnings", Map.class))
                .containsEntry("uploadedBy", "ada")
                .containsEntry("uploadedAt", uploadedOn);
        assertThat(as("olga").getForObject("/api/playbooks/" + processId, Map.class))
                .containsEntry("source", "uploaded by ada")
                .containsEntry("retiredBy", null);
        assertThat(SignedIn.as(http, "olga").getForObject("/playbooks/" + processId, String.class))
                .containsPattern("id=\"uploaded\"><span>retire.bpmn</span>, uploaded by <span>Ada Lovelace</span> on"
                        + " <span>[^<]+</span>; brought back by <span>Olga Reyes</span> on <span>[^<]+</span></dd>")
                .doesNotContain("uploaded by <span>Olga Reyes");
    }

    private long tasksOf(String processId) {
        return tasks.findAll().stream()
                .filter(t -> t.getBpmnProcessId().equals(processId))
                .count();
    }

    private String catalogue(String user) {
        return String.valueOf(as(user).getForObject("/api/playbooks", Map.class).get("playbooks"));
    }

    private void upload(String user, String bpmn) {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put("retire.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
        if (bpmn.contains("formId=\"renewal-call-form\"")) { // the form it links comes with it
            contents.put("renewal-call.form", PlaybookUploadIntegrationTests.FORM.getBytes(StandardCharsets.UTF_8));
        }
        ResponseEntity<Object> response =
                as(user).postForEntity("/api/playbooks", Multipart.files("files", contents), Object.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /**
     * The probe's timer-started playbook as {@code processId}, its timer every minute, named {@code name} (null:
     * its own name).
     */
    private static String timerPlaybook(String processId, String name) {
        String bpmn = EngineStartedRunsIntegrationTests.read("playbooks/probe42/timer-start.bpmn")
                .replace("Process_p42timerstart2", processId)
                .replace("R3/PT2M", "R/PT1M");
        return name == null ? bpmn : bpmn.replace("name=\"P42 Team pipeline check\"", "name=\"" + name + "\"");
    }

    /** maria launches the playbook; returns the run's key once its step is in the inbox. */
    private long launchedAndWaiting(String processId) throws Exception {
        ResponseEntity<Map> launched =
                as("maria").postForEntity("/api/playbooks/" + processId + "/instances", Map.of(), Map.class);
        assertThat(launched.getStatusCode()).as("%s", launched.getBody()).isEqualTo(HttpStatus.CREATED);
        long run = ((Number) launched.getBody().get("processInstanceKey")).longValue();
        awaitTaskOf(run);
        return run;
    }
}
