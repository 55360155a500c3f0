package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Rob's inbox in a real (headless) browser: sign in, claim, complete a form after a mistake, delegate. */
class InboxBrowserTests extends BrowserTest {

    @Test
    void robSignsInClaimsFixesTheMarkedFieldCompletesAndDelegatesAnother() throws Exception {
        // about an account of their own, so the inbox can be narrowed to them: in the whole suite rob sees more
        // open steps than one page holds, and the newest fell off the page sorted oldest first
        long account = accountOf("rob", "Inbox " + java.util.UUID.randomUUID());
        Task review = awaitTaskOf(startReview(account));
        Task another = awaitTaskOf(startReview(account));
        signIn("rob");

        claimFromInbox(review, account);
        fill("field-reviewSummary", "Customer is happy");
        fill("field-healthScore", "11");
        new Select(browser.findElement(By.id("field-renewalRisk"))).selectByValue("low");
        press("Complete");
        waitForText("nothing was completed");
        assertThat(browser.findElement(By.id("field-healthScore")).getAttribute("class"))
                .contains("is-invalid");
        assertThat(browser.getPageSource()).contains("must be at most 10");
        assertThat(tasks.findById(review.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);

        fill("field-healthScore", "7");
        press("Complete");
        waitForText("is done");
        assertThat(tasks.findById(review.getId()).orElseThrow())
                .extracting(Task::getStatus, Task::getCompletedBy)
                .containsExactly(TaskStatus.COMPLETED, "rob");

        claimFromInbox(another, account);
        fill("delegate-to", "rita");
        press("Delegate");
        waitForText("is now with Rita Okafor");
        assertThat(tasks.findById(another.getId()).orElseThrow())
                .extracting(Task::getAssignee, Task::getOriginalAssignee)
                .containsExactly("rita", "rob");
    }

    private void claimFromInbox(Task task, long account) {
        open("/tasks?sort=created&accountId=" + account);
        browser.findElement(By.cssSelector("form[action='/tasks/" + task.getId() + "/claim'] button"))
                .sendKeys(org.openqa.selenium.Keys.ENTER); // not a mouse click: see BrowserTest.press
        waitForText("You claimed");
    }
}
