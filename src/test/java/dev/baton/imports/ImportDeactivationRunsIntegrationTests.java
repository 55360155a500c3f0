package dev.baton.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.baton.blocks.BlockProcessTest;
import dev.baton.blocks.Blocks;
import dev.baton.people.NewPerson;
import dev.baton.people.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A people import may deactivate someone (a row with {@code active} false, when they own nothing), and
 * the playbook runs they launched then stop at their next building block, as after a deactivation
 * through the API (DeactivationRunsIntegrationTests): the import tells which, per row, in its dry run
 * and its result, in the API and on its page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class ImportDeactivationRunsIntegrationTests extends BlockProcessTest {

    static final String FORM_ID = "import-leaver-runs-wait";
    static final String FORM = oneFieldForm(FORM_ID, "textfield", "comment", "Anything to add?");
    static final String PLAYBOOK = "import-leaver-runs-update-account";
    static final String NOT_LISTED = "the playbook runs they launched could not be listed (is the engine reachable?):"
            + " those still running stop at their next building block all the same";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void upload() {
        uploadFormThenBlock(PLAYBOOK, FORM_ID, FORM, "ada", Blocks.UPDATE_ACCOUNT, Map.of("segment", "Left behind"));
    }

    @Test
    void aRowDeactivatingALauncherReportsTheirRunsThatWillStopInTheDryRunAndInTheImport() {
        long robs = account("rob");
        Leaver leaver = newAdmin();
        Leaver quiet = newAdmin(); // leaves too, but launched nothing that stops
        long run = launch(leaver.username(), PLAYBOOK, Map.of("accountId", robs));
        String csv = "email,full_name,active\n" + quiet.email() + ",Quinn Quiet,false\n" + leaver.email()
                + ",Lee Leaver,false\n";

        Map dryRun = finished(start(true, csv));

        assertThat(dryRun).containsEntry("status", "SUCCEEDED").containsEntry("errorCount", 0);
        List<Map> warned = (List<Map>) dryRun.get("runsThatWillStop");
        assertThat(warned).singleElement().satisfies(row -> {
            assertThat(row)
                    .containsEntry("row", 3)
                    .containsEntry("username", leaver.username())
                    .containsEntry("fullName", "Lee Leaver");
            assertThat(((Number) row.get("personId")).longValue()).isEqualTo(leaver.id());
            assertThat(keys((List<Map>) row.get("runs"))).containsExactly(run);
            assertThat(((List<Map>) row.get("runs")).getFirst())
                    .containsEntry("processId", PLAYBOOK)
                    .containsEntry("playbook", "A form, then " + Blocks.UPDATE_ACCOUNT + " (" + PLAYBOOK + ")")
                    .containsEntry("accountName", accounts.get(robs).name())
                    .containsKey("startedAt");
        });
        assertThat(active(leaver)).as("a dry run writes nothing").isTrue();

        Map imported = finished(start(false, csv));

        assertThat(imported).containsEntry("status", "SUCCEEDED");
        assertThat(active(leaver)).isFalse();
        assertThat(active(quiet)).isFalse();
        assertThat((List<Map>) imported.get("runsThatWillStop"))
                .singleElement()
                .satisfies(row -> assertThat(keys((List<Map>) row.get("runs"))).containsExactly(run));

        // what the import said: the run goes on to its block, and stops there
        answer("ada", awaitTask(run, "task_form"), Map.of("comment", "go on"));
        assertThat(awaitIncident(run)).contains("Lee Leaver has left").doesNotContain(leaver.username());
    }

    /**
     * Issue 15: "no engine call while database row locks are held". The runs were asked of the engine
     * inside the import's one transaction, after earlier rows were written: an engine that did not
     * answer held the import's locks for a timeout per deactivated launcher.
     */
    @Test
    void theEngineIsAskedAboutALeaversRunsOnlyOnceTheImportHasCommitted() throws Throwable {
        Leaver leaver = newAdmin();
        long run = launch(leaver.username(), PLAYBOOK, Map.of("accountId", account("rob")));
        List<Boolean> activeWhenAsked = new java.util.concurrent.CopyOnWriteArrayList<>();
        doAnswer(call -> {
                    activeWhenAsked.add(active(leaver)); // another connection: committed data only
                    return call.callRealMethod();
                })
                .when(processInstances)
                .isRunning(run);

        Map imported = finished(start(false, "email,full_name,active\n" + leaver.email() + ",Lee Leaver,false\n"));

        assertThat(activeWhenAsked).containsExactly(false);
        assertThat((List<Map>) imported.get("runsThatWillStop"))
                .singleElement()
                .satisfies(row -> assertThat(keys((List<Map>) row.get("runs"))).containsExactly(run));
    }

    @Test
    void aRealImportWithABadRowDeactivatesNobodyAndSoStopsNoRun() {
        Leaver leaver = newAdmin();
        launch(leaver.username(), PLAYBOOK, Map.of("accountId", account("rob")));
        String csv = "email,full_name,active\n" + leaver.email() + ",Lee Leaver,false\nnot-an-address,Bad Row,true\n";

        Map dryRun = finished(start(true, csv));
        Map imported = finished(start(false, csv));

        assertThat(dryRun).containsEntry("status", "FAILED");
        assertThat((List<Map>) dryRun.get("runsThatWillStop"))
                .as("what importing the file, once corrected, would stop")
                .hasSize(1);
        assertThat(imported).containsEntry("status", "FAILED");
        assertThat((List<Map>) imported.get("runsThatWillStop")).isEmpty();
        assertThat(active(leaver)).isTrue();
    }

    @Test
    void theImportsPageWarnsOfEachDeactivatedLaunchersRunsWithLinks() throws Exception {
        long robs = account("rob");
        String accountName = accounts.get(robs).name();
        Leaver leaver = newAdmin();
        long run = launch(leaver.username(), PLAYBOOK, Map.of("accountId", robs));
        String csv = "email,full_name,active\n" + leaver.email() + ",Lee Leaver,false\n";
        MockMvc pages = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();

        long dryRun = start(true, csv);
        finished(dryRun);
        long imported = start(false, csv);
        finished(imported);

        assertThat(runsSection(pageAsAda(pages, dryRun)))
                .contains("Importing this file deactivates the people below", "stop at the next building block")
                .contains("Row 2:", "href=\"/people/" + leaver.id() + "\"", "Lee Leaver", "1 run")
                .contains("href=\"/playbooks/instances/" + run + "\"")
                .contains(
                        "href=\"/playbooks/" + PLAYBOOK + "\"",
                        "A form, then " + Blocks.UPDATE_ACCOUNT + " (" + PLAYBOOK + ")")
                .contains("href=\"/accounts/" + robs + "\"", accountName);
        assertThat(runsSection(pageAsAda(pages, imported)))
                .contains("This import deactivated the people below", "stop at the next building block")
                .contains("href=\"/people/" + leaver.id() + "\"", "href=\"/playbooks/instances/" + run + "\"");
    }

    @Test
    void aRowWhoseRunsCannotBeListedStillDeactivatesAndTheImportSaysTheyWereNotListed(CapturedOutput output)
            throws Exception {
        Leaver leaver = newAdmin();
        launch(leaver.username(), PLAYBOOK, Map.of("accountId", account("rob")));
        doThrow(new IllegalStateException("engine unreachable"))
                .when(launchedRuns)
                .runningLaunchedBy(leaver.username());
        String csv = "email,full_name,active\n" + leaver.email() + ",Lee Leaver,false\n";
        MockMvc pages = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();

        long dryRun = start(true, csv);
        long imported = start(false, csv);

        for (long id : new long[] {dryRun, imported}) {
            Map result = finished(id);
            assertThat(result).containsEntry("status", "SUCCEEDED").containsEntry("errorCount", 0);
            assertThat((List<Map>) result.get("runsThatWillStop"))
                    .singleElement()
                    .satisfies(row -> {
                        assertThat(row)
                                .containsEntry("row", 2)
                                .containsEntry("username", leaver.username())
                                .containsEntry("problem", NOT_LISTED);
                        assertThat((List<Map>) row.get("runs")).isEmpty();
                    });
            assertThat(runsSection(pageAsAda(pages, id)))
                    .contains("href=\"/people/" + leaver.id() + "\"", "Not listed: " + NOT_LISTED);
        }
        assertThat(active(leaver)).isFalse();
        assertThat(output)
                .contains("Could not list the playbook runs " + leaver.username() + " launched")
                .contains("engine unreachable");
    }

    @Test
    void aRunTheEngineDoesNotAnswerAboutShowsAsOfUnknownStateNotAsRunning() throws Exception {
        Leaver leaver = newAdmin();
        long run = launch(leaver.username(), PLAYBOOK, Map.of("accountId", account("rob")));
        doThrow(new IllegalStateException("engine unreachable"))
                .when(processInstances)
                .isRunning(run);
        String csv = "email,full_name,active\n" + leaver.email() + ",Lee Leaver,false\n";
        MockMvc pages = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();

        long dryRun = start(true, csv);
        Map result = finished(dryRun);

        assertThat((List<Map>) result.get("runsThatWillStop")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("problem", null);
            assertThat((List<Map>) row.get("runs"))
                    .singleElement()
                    .satisfies(r -> assertThat(r).containsEntry("state", "UNKNOWN"))
                    .satisfies(r -> assertThat((String) r.get("reason")).startsWith("the engine did not answer"));
        });
        assertThat(runsSection(pageAsAda(pages, dryRun)))
                .contains("Lee Leaver", "1 run of unknown state (the engine did not answer)")
                .doesNotContain(">1 run<")
                .contains("href=\"/playbooks/instances/" + run + "\"", "unknown");
    }

    @Test
    void anImportThatDeactivatesNoLauncherShowsNoWarning() throws Exception {
        Leaver quiet = newAdmin();
        long id = start(true, "email,full_name,active\n" + quiet.email() + ",Quinn Quiet,false\n");

        assertThat((List<Map>) finished(id).get("runsThatWillStop")).isEmpty();
        MockMvc pages = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        assertThat(pageAsAda(pages, id)).doesNotContain("id=\"runs-that-will-stop\"");
    }

    /** A new admin, who may launch on any account and owns nothing, so nothing holds up their deactivation. */
    private Leaver newAdmin() {
        String username = "imp-leaver-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String email = username + "@baton.example";
        long id = people.create(new NewPerson(username, "Lee Leaver", email, "demo", Set.of(Role.ADMIN), null, null))
                .id();
        return new Leaver(id, username, email);
    }

    private record Leaver(long id, String username, String email) {}

    private boolean active(Leaver person) {
        return jdbc.queryForObject("select active from person where id = ?", Boolean.class, person.id());
    }

    /** ada uploads a people file; the import's id. */
    private long start(boolean dryRun, String csv) {
        return ImportsApi.startPeople(as("ada"), dryRun, csv);
    }

    private Map finished(long id) {
        return ImportsApi.finished(as("ada"), id);
    }

    private static String pageAsAda(MockMvc pages, long importId) throws Exception {
        return pages.perform(get("/imports/" + importId).with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The page's warning of runs that will stop, from its section's start to its end. */
    private static String runsSection(String page) {
        int start = page.indexOf("id=\"runs-that-will-stop\"");
        assertThat(start).as("the page has the section of runs that will stop").isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static List<Long> keys(List<Map> runs) {
        return runs.stream()
                .map(r -> ((Number) r.get("processInstanceKey")).longValue())
                .toList();
    }
}
