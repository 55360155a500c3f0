package dev.baton.task.web;

import static dev.baton.task.web.HtmlForms.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.handover.HandoverFixture;
import dev.baton.handover.HandoverFixture.Book;
import dev.baton.people.NewPerson;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.shared.Dates;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import dev.baton.task.web.HtmlForms.Page;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The manager's "Choose successor" step applies the launch plan's rules (found by the session 28
 * probe: it took a customer-success member, the manager herself and a rep who was leaving, and only
 * refused the departing person): it offers only the people the plan would allow, and refuses anyone
 * else at {@code successorUsername} in the plan's words while the step stays open.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class ChooseSuccessorIntegrationTests extends EngineIntegrationTest {

    private static final String CHOOSE = "task_choose_successor";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PeopleService peopleService;

    HandoverFixture handovers;

    @BeforeEach
    void fixture() {
        handovers = new HandoverFixture(context);
    }

    @Test
    void theApiOffersAndTakesOnlyWhomThePlanAllowsAndTheAccountMovesToThem() throws Exception {
        Book book = handovers.launch(handovers.book(), false, this::as);
        Task choose = handovers.awaitOpen(book, CHOOSE);
        Map<String, String> refused = notAllowed(book);

        assertThat(offered(choose))
                .contains(book.successor().getUsername())
                .doesNotContainAnyElementsOf(refused.keySet());
        refused.forEach((username, why) -> {
            ResponseEntity<Map> answer = as("maria")
                    .postForEntity(
                            "/api/tasks/" + choose.getId() + "/complete",
                            Map.of("successorUsername", username),
                            Map.class);
            assertThat(answer.getStatusCode())
                    .as("%s: %s", username, answer.getBody())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(answer.getBody())).as(username).containsEntry("successorUsername", why);
        });
        assertStillToChoose(book, choose);

        // an e-mail names the person as the user name does
        ResponseEntity<Map> chosen = as("maria")
                .postForEntity(
                        "/api/tasks/" + choose.getId() + "/complete",
                        Map.of("successorUsername", book.successor().getEmail()),
                        Map.class);
        assertThat(chosen.getStatusCode()).as("%s", chosen.getBody()).isEqualTo(HttpStatus.OK);
        assertAccountMovesTo(book);
    }

    @Test
    void theTaskPageListsOnlyWhomThePlanAllowsAndRefusesAnyoneElseAtTheField() throws Exception {
        Book book = handovers.launch(handovers.book(), false, this::as);
        Task choose = handovers.awaitOpen(book, CHOOSE);
        Map<String, String> refused = notAllowed(book);
        // a browser of its own: the refusal comes back through the session's flash
        TestRestTemplate browser = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(http.getRootUri())
                .defaultHeader(HttpHeaders.COOKIE, SignedIn.signIn(http.getRootUri(), "maria", "demo")));
        String path = "/tasks/" + choose.getId();

        Page page = HtmlForms.open(browser, path);
        assertThat(page.html())
                .contains("<option value=\"" + book.successor().getUsername() + "\">"
                        + book.successor().getFullName() + " ("
                        + book.successor().getUsername() + "), 0 accounts");
        refused.keySet().forEach(username -> assertThat(page.html()).doesNotContain("value=\"" + username + "\""));

        refused.forEach((username, why) -> {
            HtmlForms.submit(
                    browser, HtmlForms.open(browser, path), path + "/complete", form("successorUsername", username));
            String again = browser.getForObject(path, String.class);
            assertThat(again)
                    .as(username)
                    .contains("nothing was completed")
                    .contains(HtmlUtils.htmlEscape(why))
                    // the choices are still there after the refusal
                    .contains("<option value=\"" + book.successor().getUsername() + "\"");
        });
        assertStillToChoose(book, choose);

        HtmlForms.submit(
                browser,
                HtmlForms.open(browser, path),
                path + "/complete",
                form("successorUsername", book.successor().getUsername()));
        assertThat(tasks.findById(choose.getId()).orElseThrow().getStatus()).isNotEqualTo(TaskStatus.OPEN);
        assertAccountMovesTo(book);
    }

    /**
     * User name → the plan's refusal: a customer-success member of maria's line, maria herself (managers
     * may not take accounts unless configured), and a rep of the team whose own handover for leaving
     * has completed (leaving in a few days).
     */
    private Map<String, String> notAllowed(Book book) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Long maria = personId("maria");
        Long cs = jdbc.queryForObject("select id from team where key = 'customer-success'", Long.class);
        String csName = "fx-cs-" + tag;
        peopleService.create(new NewPerson(
                csName, "Cleo Success " + tag, csName + "@baton.example", "demo", Set.of(Role.CS), cs, maria));
        Person leaving = handovers.colleague("Lea Leaving");
        LocalDate leavesOn = LocalDate.now().plusDays(3);
        handovers.leaving(leaving, leavesOn);
        String departing = book.departing().getFullName();
        String plan = "'s accounts: only active reps of the same team in " + fullName("maria") + "'s line can";
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(csName, "Cleo Success " + tag + " cannot take over " + departing + plan);
        refused.put("maria", fullName("maria") + " cannot take over " + departing + plan);
        refused.put(
                leaving.getUsername(),
                leaving.getFullName() + " is leaving the company on " + Dates.calendarDay(leavesOn)
                        + " and cannot take over accounts");
        return refused;
    }

    private List<Object> offered(Task task) {
        Map<String, Object> details = as("maria").getForObject("/api/tasks/" + task.getId(), Map.class);
        Map<String, Object> field = ((List<Map<String, Object>>) details.get("formFields"))
                .stream()
                        .filter(f -> "successorUsername".equals(f.get("key")))
                        .findFirst()
                        .orElseThrow();
        return ((List<Map<String, Object>>) field.get("options"))
                .stream().map(o -> o.get("value")).toList();
    }

    private void assertStillToChoose(Book book, Task choose) throws Exception {
        engine.waitForIdleState(WAIT);
        assertThat(handovers.open(book, CHOOSE)).extracting(Task::getId).containsExactly(choose.getId());
        assertThat(jdbc.queryForObject(
                        "select count(*) from handover_item where handover_id = ? and successor_id is not null",
                        Long.class,
                        book.id()))
                .isZero();
    }

    /** Once the departing rep's note is in, the account is the successor's. */
    private void assertAccountMovesTo(Book book) {
        HandoverFixture.complete(
                tasks,
                as(book.departing().getUsername()),
                book.departing(),
                "task_write_handover_note",
                HandoverFixture.NOTE);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "select owner_id from account where id = ?",
                                Long.class,
                                book.account().getId()))
                        .isEqualTo(book.successor().getId()));
    }

    private String fullName(String username) {
        return jdbc.queryForObject("select full_name from person where username = ?", String.class, username);
    }
}
