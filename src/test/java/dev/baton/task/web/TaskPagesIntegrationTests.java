package dev.baton.task.web;

import static dev.baton.task.web.HtmlForms.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import dev.baton.task.web.HtmlForms.Page;
import io.camunda.client.CamundaClient;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.MultiValueMap;

/** The inbox pages as a browser uses them: HTML forms with a CSRF token in the session. */
class TaskPagesIntegrationTests extends EngineIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamundaClient client;

    @Test
    void theInboxAccountFilterSuggestsEachTaskAccountByItsOwnName() throws Exception {
        long account = jdbc.queryForObject(
                "select min(a.id) from account a join person p on p.id = a.owner_id where p.username = 'rob'",
                Long.class);
        String name = jdbc.queryForObject("select name from account where id = ?", String.class, account);
        awaitTaskOf(startReview(account));

        String inbox = SignedIn.as(http, "rob").getForObject("/tasks", String.class);

        String suggestions = inbox.replaceAll("(?s).*<datalist id=\"account-options\">(.*?)</datalist>.*", "$1");
        assertThat(suggestions).contains("value=\"" + name + "\"");
        // an option's text is shown beside its value: no stray placeholder name under every account
        assertThat(suggestions.replaceAll("<option[^>]*>", "").replace("</option>", ""))
                .isBlank();
    }

    /** Session 43's probe: the inbox and the task page named the team a step is offered to by its key. */
    @Test
    void theInboxAndTheTaskPageNameTheTeamAStepIsOfferedToByItsName() throws Exception {
        Task task = awaitTaskOf(startReview(null)); // offered to sales-emea, "Sales EMEA"

        String page = SignedIn.as(http, "rob").getForObject("/tasks/" + task.getId(), String.class);
        String inbox = SignedIn.as(http, "rob").getForObject("/tasks", String.class);

        assertThat(page).contains("team Sales EMEA").doesNotContain("team sales-emea");
        assertThat(inbox).contains("team Sales EMEA").doesNotContain("team sales-emea");
    }

    /** Found by session 42's probe: the inbox sorts by the follow-up date, and the task page did not show it. */
    @Test
    void theTaskPageShowsTheFollowUpDateWhereTheStepHasOne() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        String before = SignedIn.as(http, "rob").getForObject("/tasks/" + task.getId(), String.class);
        jdbc.update(
                "update task set follow_up_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.parse("2026-12-24T12:00:00Z")),
                task.getId());

        String page = SignedIn.as(http, "rob").getForObject("/tasks/" + task.getId(), String.class);

        assertThat(before).doesNotContain("id=\"follow-up\"");
        assertThat(page).contains("Follow up").containsPattern("id=\"follow-up\"[^>]*>[^<]*24 Dec 2026");
    }

    @Test
    void robClaimsFromHisInboxAndCompletesTheFormAfterFixingWhatItMarked() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        ResponseEntity<String> inbox = SignedIn.as(http, "rob").getForEntity("/tasks", String.class);
        assertThat(inbox.getBody())
                .contains("/tasks/" + task.getId() + "/claim")
                .contains("Review account");

        Page detail = open("/tasks/" + task.getId());
        submit(detail, "/tasks/" + task.getId() + "/claim", form());
        Page claimed = open("/tasks/" + task.getId());
        assertThat(claimed.html()).contains("name=\"healthScore\"").contains("<option value=\"medium\"");

        MultiValueMap<String, String> bad = form("healthScore", "lots", "reviewSummary", "<b>bold</b>");
        submit(claimed, "/tasks/" + task.getId() + "/complete", bad);
        // redirected after the post (a reload sends nothing again): the task's page shows what was refused
        String rejected = SignedIn.as(http, "rob").getForObject("/tasks/" + task.getId(), String.class);
        assertThat(rejected)
                .contains("nothing was completed")
                .contains("&#39;lots&#39; is not a whole number")
                .contains("is required")
                .contains("&lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<b>bold</b>");
        assertThat(tasks.findById(task.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);

        MultiValueMap<String, String> good = form(
                "healthScore",
                "9",
                "reviewSummary",
                "Fine",
                "renewalRisk",
                "medium",
                "needsFollowUp",
                "true",
                "nextContactDate",
                "2026-12-24");
        submit(claimed, "/tasks/" + task.getId() + "/complete", good);
        assertThat(tasks.findById(task.getId()).orElseThrow())
                .extracting(Task::getStatus, Task::getCompletedBy)
                .containsExactly(TaskStatus.COMPLETED, "rob");
        assertThat(tasks.findById(task.getId()).orElseThrow().getOutcome())
                .containsEntry("healthScore", 9)
                .containsEntry("needsFollowUp", true)
                .doesNotContainKey("_csrf");
    }

    @Test
    void anAnswerOnTheTaskPageAfterItsProcessClosedTheStepIsRefusedInWordsAndShowsNoAnswer() throws Exception {
        long instance = startReview(null);
        Task task = awaitTaskOf(instance);
        // a browser of its own: a message another test left waiting for rob's inbox must not be read as this one's
        TestRestTemplate browser = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(http.getRootUri())
                .defaultHeader(HttpHeaders.COOKIE, SignedIn.signIn(http.getRootUri(), "rob", "demo")));
        HtmlForms.submit(
                browser,
                HtmlForms.open(browser, "/tasks/" + task.getId()),
                "/tasks/" + task.getId() + "/claim",
                form());
        Page claimed = HtmlForms.open(browser, "/tasks/" + task.getId());
        client.newCancelInstanceCommand(instance).send().join(); // the process moves on while rob types
        engine.waitForIdleState(WAIT);

        HtmlForms.submit(
                browser,
                claimed,
                "/tasks/" + task.getId() + "/complete",
                form("healthScore", "9", "reviewSummary", "Fine", "renewalRisk", "medium"));

        String inbox = browser.getForObject("/tasks", String.class);
        String page = browser.getForObject("/tasks/" + task.getId(), String.class);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(inbox)
                    .contains("closed by its process before your answer arrived", "did not reach the process");
            softly.assertThat(page)
                    .contains("Canceled", "its process closed the step before rob&#39;s answer arrived")
                    .doesNotContain("Completed</dt>");
            softly.assertThat(tasks.findById(task.getId()).orElseThrow())
                    .extracting(Task::getStatus, Task::getCompletedBy, Task::getOutcome)
                    .containsExactly(TaskStatus.CANCELED, null, null);
        });
    }

    /**
     * Found by a probe: completing a task from its page before claiming it, or once it was done,
     * answered the API's JSON 403 "claim task 67 first". A page post answers with a page saying why.
     */
    @Test
    void completingATaskNotClaimedOrAlreadyDoneIsToldOnAPageAndCompletesNothing() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        String path = "/tasks/" + task.getId();
        TestRestTemplate browser = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(http.getRootUri())
                .redirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .defaultHeader(HttpHeaders.COOKIE, SignedIn.signIn(http.getRootUri(), "rob", "demo")));
        Page detail = HtmlForms.open(browser, path);

        ResponseEntity<String> unclaimed = HtmlForms.submit(browser, detail, path + "/complete", answer());
        assertThat(unclaimed.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(unclaimed.getHeaders().getLocation()).hasPath(path);
        assertThat(browser.getForObject(path, String.class))
                .contains(
                        "Nothing was completed: only the assignee may do this; claim task " + task.getId() + " first.");
        assertThat(tasks.findById(task.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);

        HtmlForms.submit(browser, detail, path + "/claim", form());
        HtmlForms.submit(browser, detail, path + "/complete", answer());
        assertThat(tasks.findById(task.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(browser.getForObject("/tasks", String.class)).contains("is done.");
        ResponseEntity<String> again = HtmlForms.submit(browser, detail, path + "/complete", answer());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(browser.getForObject("/tasks", String.class))
                .contains("task " + task.getId() + " (" + task.getName() + ") is completed and cannot be completed")
                .doesNotContain("claim task");
    }

    /**
     * Found by a probe: {@code healthScore=5&healthScore.x.y=1} answered 500 with the API's JSON (a
     * ClassCastException while nesting the names), and {@code healthScore=4&healthScore.x=1} completed
     * the task without {@code healthScore.x}. Both are refused on the page, naming the key, and complete
     * nothing.
     */
    @Test
    void aNameBothAFieldsValueAndAPathIsRefusedOnThePageNamingItAndCompletesNothing() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        String path = "/tasks/" + task.getId();
        TestRestTemplate browser = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(http.getRootUri())
                .redirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .defaultHeader(HttpHeaders.COOKIE, SignedIn.signIn(http.getRootUri(), "rob", "demo")));
        HtmlForms.submit(browser, HtmlForms.open(browser, path), path + "/claim", form());
        Page detail = HtmlForms.open(browser, path); // shows (and so clears) "You claimed ..."

        for (String below : new String[] {"healthScore.x.y", "healthScore.x"}) {
            MultiValueMap<String, String> sent = answer();
            sent.add(below, "1");

            ResponseEntity<String> refused = HtmlForms.submit(browser, detail, path + "/complete", sent);

            assertThat(refused.getStatusCode()).as(below).isEqualTo(HttpStatus.FOUND);
            assertThat(refused.getHeaders().getLocation()).hasPath(path);
            assertThat(browser.getForObject(path, String.class))
                    .contains("Please correct the marked fields; nothing was completed.")
                    .containsPattern("id=\"other-errors\"[^>]*>(?s:.*?)" + below.replace(".", "\\.")
                            + ": is not a field of this form");
            assertThat(tasks.findById(task.getId()).orElseThrow().getStatus())
                    .as(below)
                    .isEqualTo(TaskStatus.OPEN);
        }
    }

    private static MultiValueMap<String, String> answer() {
        return form("healthScore", "9", "reviewSummary", "Fine", "renewalRisk", "medium");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

        ResponseEntity<String> refused = SignedIn.as(http, "rob")
                .postForEntity("/tasks/" + task.getId() + "/claim", new HttpEntity<>(form(), headers), String.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(tasks.findById(task.getId()).orElseThrow().getAssignee()).isNull();
    }

    /**
     * Found by the session 22 probe: {@code /tasks/abc} said "there is nothing at this address" (its
     * mapping takes digits only), where a mistyped id is the reader's slip to be told of, as the API's
     * 400 at {@code id} does.
     */
    @Test
    void aTaskAddressWhoseIdIsNoWholeNumberIsToldSoOnAReadableErrorPage() {
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(java.util.List.of(MediaType.TEXT_HTML));

        ResponseEntity<String> page = SignedIn.as(http, "rob")
                .exchange("/tasks/abc", HttpMethod.GET, new HttpEntity<>(browser), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody())
                .contains("This request could not be done")
                .contains("&#39;abc&#39; is not a valid id (a number is expected).")
                .doesNotContain("nothing at this address");
    }

    private Page open(String path) {
        return HtmlForms.open(SignedIn.as(http, "rob"), path);
    }

    private ResponseEntity<String> submit(Page from, String action, MultiValueMap<String, String> fields) {
        return HtmlForms.submit(SignedIn.as(http, "rob"), from, action, fields);
    }
}
