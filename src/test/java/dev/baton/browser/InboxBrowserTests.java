package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Rob's inbox in a real (headless) browser: sign in, claim, complete a form after a mistake, delegate. */
@ExtendWith(Browser.Installed.class)
class InboxBrowserTests extends EngineIntegrationTest {

  @LocalServerPort int port;
  WebDriver browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void robSignsInClaimsFixesTheMarkedFieldCompletesAndDelegatesAnother() throws Exception {
    Task review = awaitTaskOf(startReview(null));
    Task another = awaitTaskOf(startReview(null));
    signIn("rob");

    claimFromInbox(review);
    fill("reviewSummary", "Customer is happy");
    fill("healthScore", "11");
    new Select(browser.findElement(By.id("field-renewalRisk"))).selectByValue("low");
    press("Complete");
    waitForText("nothing was completed");
    assertThat(browser.findElement(By.id("field-healthScore")).getAttribute("class")).contains("is-invalid");
    assertThat(browser.getPageSource()).contains("must be at most 10");
    assertThat(tasks.findById(review.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);

    fill("healthScore", "7");
    press("Complete");
    waitForText("is done");
    assertThat(tasks.findById(review.getId()).orElseThrow())
        .extracting(Task::getStatus, Task::getCompletedBy)
        .containsExactly(TaskStatus.COMPLETED, "rob");

    claimFromInbox(another);
    fill("delegate-to", "rita");
    press("Delegate");
    waitForText("is now with rita");
    assertThat(tasks.findById(another.getId()).orElseThrow())
        .extracting(Task::getAssignee, Task::getOriginalAssignee)
        .containsExactly("rita", "rob");
  }

  private void signIn(String username) {
    browser.get("http://localhost:" + port + "/login");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys("demo");
    press("Sign in");
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  private void claimFromInbox(Task task) {
    browser.get("http://localhost:" + port + "/tasks?sort=created");
    browser.findElement(By.cssSelector("form[action='/tasks/" + task.getId() + "/claim'] button")).click();
    waitForText("You claimed");
  }

  /**
   * Presses the button with that text from the keyboard: headless Chromium may report a button low
   * on a long page as covered and refuse a mouse click on it.
   */
  private void press(String button) {
    browser.findElement(By.xpath("//button[text()='" + button + "']")).sendKeys(Keys.ENTER);
  }

  private void fill(String id, String text) {
    WebElement input = browser.findElement(By.id(id.startsWith("delegate") ? id : "field-" + id));
    input.clear();
    input.sendKeys(text);
  }

  private void waitForText(String text) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
  }
}
