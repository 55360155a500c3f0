package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.handover.HandoverFixture;
import dev.baton.handover.HandoverFixture.Book;
import dev.baton.task.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16, point 8: the task page shows what the step is about beside its form (sticky on a wide
 * screen, above it on a phone): the note on the acknowledgement with the mail acknowledging sends
 * and a personal line that goes into it, the question beside the answer and the answer beside the
 * next acknowledgement. Point 14: a refused form puts the focus on its first marked field. Point 15:
 * a refused answer is redirected to the task's page, so a reload does not send it again.
 */
class TaskContextBrowserTests extends BrowserTest {

    private static final String ACKNOWLEDGE = "task_review_and_acknowledge_account";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theAcknowledgementShowsTheNoteAndTheMailBesideTheFormAndThePersonalLineGoesIntoTheMail() {
        Book book = noteWritten(new HandoverFixture(context));
        Task acknowledge = signedInToAcknowledge(book);
        browser.manage().window().setSize(new Dimension(1400, 1000));

        open("/tasks/" + acknowledge.getId());
        List<String> blocks = contextBlocks();
        assertThat(blocks.get(0)).startsWith("The handover note").contains("Loyal since 2019", "Ana decides");
        assertThat(blocks.get(1))
                .startsWith("Acknowledging sends this mail to the customer now")
                .contains("To: Ana ", "introducing " + book.successor().getFullName(), "cannot be recalled");
        WebElement aside = browser.findElement(By.tagName("aside"));
        WebElement form = browser.findElement(By.id("task-form"));
        assertThat(aside.getLocation().getX())
                .as("beside the form")
                .isGreaterThan(form.getLocation().getX() + form.getSize().getWidth() - 1);
        assertThat(browser.findElement(By.cssSelector(".task-context")).getCssValue("position"))
                .isEqualTo("sticky");
        Browser.screenshots(browser, "task-acknowledge-context");

        browser.manage().window().setSize(new Dimension(390, 900));
        assertThat(aside.getLocation().getY())
                .as("above the form on a phone")
                .isLessThan(form.getLocation().getY());
        browser.manage().window().setSize(new Dimension(1400, 1000));

        new Select(browser.findElement(By.id("field-acknowledgement"))).selectByValue("acknowledge");
        fill("field-personalLine", "It was good to meet you at the Munich fair.");
        press("Complete");
        waitForText("is done");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select text_body from outbox_message where to_address = ?",
                                String.class,
                                "ana-" + tag(book) + "@customer.example"))
                        .singleElement()
                        .asString()
                        .contains("It was good to meet you at the Munich fair."));
    }

    @Test
    void theQuestionIsBesideTheAnswerAndTheAnswerBesideTheNextAcknowledgement() {
        HandoverFixture handovers = new HandoverFixture(context);
        Book book = noteWritten(handovers);
        complete(
                book.successor().getUsername(),
                handovers.awaitOpen(book, ACKNOWLEDGE),
                Map.of("acknowledgement", "ask", "question", "Who signs the renewal?"));
        Task answer = handovers.awaitOpen(book, "task_answer_successor_question");
        signIn(book.departing().getUsername());

        open("/tasks/" + answer.getId());
        assertThat(contextBlocks().get(0))
                .startsWith("Question from " + book.successor().getFullName())
                .contains("Who signs the renewal?");
        Browser.screenshots(browser, "task-answer-context");

        complete(book.departing().getUsername(), answer, Map.of("answer", "Ana, with her CFO"));
        Task again = handovers.awaitOpen(book, ACKNOWLEDGE);
        browser.manage().deleteAllCookies();
        signIn(book.successor().getUsername());
        open("/tasks/" + again.getId());
        assertThat(String.join("\n", contextBlocks()))
                .contains("Your question\nWho signs the renewal?")
                .contains("Answer from " + book.departing().getFullName() + "\nAna, with her CFO");
    }

    @Test
    void aRefusedFormComesBackAtTheTaskPageWithTheFocusOnTheFirstMarkedField() {
        Task acknowledge = signedInToAcknowledge(noteWritten(new HandoverFixture(context)));

        open("/tasks/" + acknowledge.getId());
        new Select(browser.findElement(By.id("field-acknowledgement"))).selectByValue("ask");
        press("Complete");
        waitForText("nothing was completed");

        assertThat(browser.getCurrentUrl()).as("redirected after the post").endsWith("/tasks/" + acknowledge.getId());
        assertThat(errorAt("field-question")).contains("write your question");
        assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id"))
                .isEqualTo("field-question");
        browser.navigate().refresh();
        assertThat(browser.getCurrentUrl()).endsWith("/tasks/" + acknowledge.getId());
        assertThat(browser.findElements(By.cssSelector(".is-invalid")))
                .as("a reload sends nothing")
                .isEmpty();
    }

    private Book noteWritten(HandoverFixture handovers) {
        Book book = handovers.launch(handovers.book(), true, this::as);
        complete(
                book.departing().getUsername(),
                handovers.awaitOpen(book, "task_write_handover_note"),
                HandoverFixture.NOTE);
        return book;
    }

    /** The successor, signed in, and the acknowledgement waiting for them. */
    private Task signedInToAcknowledge(Book book) {
        Task acknowledge = new HandoverFixture(context).awaitOpen(book, ACKNOWLEDGE);
        signIn(book.successor().getUsername());
        return acknowledge;
    }

    private void complete(String user, Task task, Map<String, Object> values) {
        assertThat(as(user).postForEntity("/api/tasks/" + task.getId() + "/complete", values, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private List<String> contextBlocks() {
        return browser.findElements(By.cssSelector(".context-block")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static String tag(Book book) {
        return book.account().getName().substring("Brauerei ".length());
    }
}
