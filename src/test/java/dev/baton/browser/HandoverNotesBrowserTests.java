package dev.baton.browser;

import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_WRITE_NOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.account.Account;
import dev.baton.handover.HandoverFixture;
import dev.baton.handover.HandoverFixture.Book;
import dev.baton.task.TaskStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16, point 10 in the browser: the departing rep writes all notes on one page ("your notes:
 * 1 of 2 done"); what they type is kept as a draft without pressing anything, a refused note keeps
 * its text with the reason at the field, and a sent note completes its task.
 */
class HandoverNotesBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theNotesPageKeepsDraftsAsTheRepTypesAndSendsEachNoteOnItsOwn() {
        HandoverFixture fixture = new HandoverFixture(context);
        Book book = fixture.book();
        Account second = fixture.account(book, "Zeppelin " + book.departing().getUsername());
        Book launched = fixture.launch(book, true, this::as);
        await().atMost(HandoverFixture.WAIT)
                .until(() -> fixture.open(launched, TASK_WRITE_NOTE).size() == 2);

        signIn(book.departing().getUsername());
        open("/handovers/" + launched.id() + "/notes");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your notes: 0 of 2 done");

        String summary = "note-" + book.account().getId() + "-relationshipSummary";
        fill(summary, "Loyal since 2019, values quick answers");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("saved-" + book.account().getId()), "Draft saved"));
        open("/handovers/" + launched.id() + "/notes");
        assertThat(browser.findElement(By.id(summary)).getAttribute("value"))
                .as("the draft survives a reload")
                .isEqualTo("Loyal since 2019, values quick answers");

        browser.findElement(By.id("note-" + book.account().getId() + "-keyContacts"))
                .clear();
        pressIn(book.account().getId());
        waitForText("was not sent");
        assertThat(errorAt("note-" + book.account().getId() + "-keyContacts")).isNotBlank();
        assertThat(browser.findElement(By.id(summary)).getAttribute("value"))
                .isEqualTo("Loyal since 2019, values quick answers");
        Browser.screenshots(browser, "handover-notes-refused");

        fill("note-" + book.account().getId() + "-keyContacts", "Ana decides; prefers mail");
        fill("note-" + book.account().getId() + "-openCommitmentsAndRisks", "Training owed by March");
        pressIn(book.account().getId());
        waitForText("Your notes: 1 of 2 done");
        assertThat(fixture.open(launched, TASK_WRITE_NOTE))
                .as("the other account's note is still to write")
                .singleElement()
                .satisfies(t -> assertThat(t.getAccountId()).isEqualTo(second.getId()));
        assertThat(jdbc.queryForObject(
                        "select note->>'relationshipSummary' from handover_item where handover_id = ? and account_id = ?",
                        String.class,
                        launched.id(),
                        book.account().getId()))
                .isEqualTo("Loyal since 2019, values quick answers");
        assertThat(tasks.findAll().stream()
                        .filter(t -> TASK_WRITE_NOTE.equals(t.getElementId())
                                && book.account().getId().equals(t.getAccountId()))
                        .map(t -> t.getStatus()))
                .containsOnly(TaskStatus.COMPLETED);
        Browser.screenshots(browser, "handover-notes");
    }

    /** The "Send this note" button of one account's card. */
    private void pressIn(long accountId) {
        browser.findElement(By.cssSelector("#note-" + accountId + " button[type=submit]"))
                .sendKeys(org.openqa.selenium.Keys.ENTER);
    }
}
