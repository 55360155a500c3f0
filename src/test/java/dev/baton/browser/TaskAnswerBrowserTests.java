package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.commitment.engine.CommitmentBpmn;
import dev.baton.handover.HandoverFixture;
import dev.baton.handover.HandoverFixture.Book;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import dev.baton.task.TaskSubject;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16, points 1 to 4 in the browser: an answer the step cannot use is refused at its field with
 * the form as it was, never a green "done"; the task stays open, nothing is mailed; nobody being
 * handed over becomes a cover; the register exports from the session; an error page says it once.
 */
class TaskAnswerBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    HandoverFixture handovers;

    @BeforeEach
    void fixture() {
        handovers = new HandoverFixture(context);
    }

    @Test
    void aQuestionLeftEmptyIsRefusedAtTheQuestionAndTheCustomerIsNotMailed() {
        Book book = handovers.launch(handovers.book(), true, this::as);
        completeByApi(
                book.departing().getUsername(),
                handovers.awaitOpen(book, "task_write_handover_note"),
                HandoverFixture.NOTE);
        Task acknowledge = handovers.awaitOpen(book, "task_review_and_acknowledge_account");
        signIn(book.successor().getUsername());

        open("/tasks/" + acknowledge.getId());
        new Select(browser.findElement(By.id("field-acknowledgement"))).selectByValue("ask");
        press("Complete");
        waitForText("nothing was completed");

        assertThat(errorAt("field-question")).contains("write your question");
        assertThat(new Select(browser.findElement(By.id("field-acknowledgement")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .as("the decision is kept")
                .isEqualTo("ask");
        assertThat(saysDone()).isFalse();
        assertThat(tasks.findById(acknowledge.getId()).orElseThrow().getStatus())
                .isEqualTo(TaskStatus.OPEN);
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox_message o join contact c on c.email = o.to_address"
                                + " where c.account_id = ?",
                        Long.class,
                        book.account().getId()))
                .as("no introduction queued")
                .isZero();
        Browser.screenshots(browser, "task-acknowledge-refused");
    }

    @Test
    void theSuccessorIsPickedFromThePeopleThePlanAllowsAndTheStepCompletes() throws Exception {
        Book book = handovers.launch(handovers.book(), false, this::as);
        Task choose = handovers.awaitOpen(book, "task_choose_successor");
        signIn("maria");

        open("/tasks/" + choose.getId());
        Select successor = new Select(browser.findElement(By.id("field-successorUsername")));
        assertThat(successor.getOptions())
                .extracting(o -> o.getAttribute("value"))
                .contains("", book.successor().getUsername())
                .doesNotContain("maria", book.departing().getUsername());
        press("Complete");
        waitForText("nothing was completed");
        assertThat(errorAt("field-successorUsername")).isEqualTo("is required");
        Browser.screenshots(browser, "task-choose-successor-refused");

        new Select(browser.findElement(By.id("field-successorUsername")))
                .selectByValue(book.successor().getUsername());
        press("Complete");
        waitForText("is done");
        handovers.awaitOpen(book, "task_write_handover_note");
    }

    @Test
    void reopeningWithoutAReasonIsRefusedAtTheReason() {
        long account = accountOf("rob", "Reopen " + UUID.randomUUID());
        long commitment =
                promise("rob", account, "SSO guide", "rob", LocalDate.now().plusDays(20));
        completeByApi("rob", awaitCommitmentTask(commitment, CommitmentBpmn.TASK_ACCEPT), Map.of("decision", "accept"));
        completeByApi(
                "rob",
                awaitCommitmentTask(commitment, CommitmentBpmn.TASK_DELIVER),
                Map.of("decision", "deliver", "evidence", "https://docs/sso"));
        Task verify = awaitCommitmentTask(commitment, CommitmentBpmn.TASK_VERIFY);
        post("cora", verify, "claim");
        signIn("cora");

        open("/tasks/" + verify.getId());
        assertThat(browser.findElement(By.cssSelector(".context-block")).getText())
                .as("the delivery beside the form (point 8)")
                .contains("What was delivered: SSO guide", "Evidence: https://docs/sso", "delivered by Rob Jansen");
        new Select(browser.findElement(By.id("field-decision"))).selectByValue("reopen");
        press("Complete");
        waitForText("nothing was completed");

        assertThat(errorAt("field-reason")).contains("required");
        assertThat(saysDone()).isFalse();
        assertThat(tasks.findById(verify.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        Browser.screenshots(browser, "task-verify-refused");
    }

    @Test
    void theLeaverCannotCoverAndAStepWithSomeoneAwayIsFlaggedOnTheProgressPage() {
        Book book = handovers.launch(handovers.book(), true, this::as);
        completeByApi(
                book.departing().getUsername(),
                handovers.awaitOpen(book, "task_write_handover_note"),
                HandoverFixture.NOTE);
        handovers.awaitOpen(book, "task_review_and_acknowledge_account");
        signIn(book.successor().getUsername());

        open("/absences");
        setDate("startsOn", LocalDate.now());
        setDate("endsOn", LocalDate.now().plusDays(2));
        fill("delegate", book.departing().getUsername());
        press("Record absence");
        waitForText("Nothing recorded");
        assertThat(errorAt("delegate")).contains("is being handed over");
        assertThat(browser.findElement(By.id("delegate")).getAttribute("value"))
                .isEqualTo(book.departing().getUsername());
        assertThat(browser.findElement(By.id("startsOn")).getAttribute("value"))
                .as("kept")
                .isEqualTo(LocalDate.now().toString());
        Browser.screenshots(browser, "absence-cover-refused");

        fill("delegate", "cora");
        press("Record absence");
        waitForText("Absence recorded");
        browser.manage().deleteAllCookies();
        signIn("maria");
        open("/handovers/" + book.id());
        assertThat(browser.findElement(By.cssSelector(".holder-warning")).getText())
                .contains("is away");
        Browser.screenshots(browser, "handover-progress-flagged");
    }

    @Test
    void theRegisterExportsFromTheSignedInSession() {
        signIn("cora");
        open("/commitments?overdue=true");
        String href = shown(By.linkText("Export CSV")).getAttribute("href");
        assertThat(href).contains("/commitments/export.csv?overdue=true").doesNotContain("/api/");

        Object answer = ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + t.split('\\n')[0])));",
                        href);
        assertThat((String) answer).startsWith("200 ").contains("account_id");
        Browser.screenshots(browser, "commitment-register");
    }

    @Test
    void anErrorPageSaysItOnceInWordsAndNeverAsSuccess() {
        signIn("rob");
        // an address whose id is not a number (the task and commitment pages take only digits there and
        // answer 404; the account page still reads the id and says what is wrong with it)
        open("/accounts/not-a-number");

        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(browser.findElement(By.id("problem")).getText()).contains("'not-a-number' is not a valid id");
        assertThat(page).doesNotContain("Failed to convert", "java.lang");
        assertThat(saysDone()).isFalse();
        assertThat(browser.findElements(By.cssSelector(".alert-danger"))).isEmpty();
        Browser.screenshots(browser, "error-400");
    }

    @Test
    void pagesFitAPhoneWithTheMenuBehindAButtonAndASkipLinkFirst() {
        signIn("rob");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
        for (String path : new String[] {"/tasks", "/commitments", "/absences"}) {
            open(path);
            Number width = (Number)
                    ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
            Number viewport = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;");
            assertThat(width.intValue())
                    .as(path + " is no wider than the phone")
                    .isLessThanOrEqualTo(viewport.intValue());
            assertThat(browser.findElement(By.cssSelector(".navbar-toggler")).isDisplayed())
                    .isTrue();
            assertThat(browser.findElement(By.cssSelector("#main-nav a[href='/tasks']"))
                            .isDisplayed())
                    .as("the menu is folded")
                    .isFalse();
        }
        browser.findElement(By.cssSelector(".navbar-toggler")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5))
                .until(d -> d.findElement(By.linkText("Out of office")).isDisplayed());
        assertThat(browser.findElement(By.linkText("Out of office")).getAttribute("aria-current"))
                .isEqualTo("page");
        Browser.screenshots(browser, "nav-open");
        assertThat(browser.findElement(By.tagName("body"))
                        .findElements(By.cssSelector("a"))
                        .get(0)
                        .getAttribute("textContent"))
                .isEqualTo("Skip to content");
    }

    private void completeByApi(String user, Task task, Map<String, Object> values) {
        assertThat(as(user).postForEntity("/api/tasks/" + task.getId() + "/complete", values, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private Task awaitCommitmentTask(long commitmentId, String elementId) {
        return awaitOpenTask(new TaskSubject("commitment", commitmentId), elementId);
    }

    /** Sets a date input's value (what typing into it depends on the browser's locale for). */
    private void setDate(String id, LocalDate day) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), day.toString());
    }
}
