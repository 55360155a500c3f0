package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16, point 11 in the browser: a promise made on a call is recorded from the account page (and
 * its process starts), opens a page with its history in words and the actions its viewer may take;
 * the register starts on open commitments and its counts open their filter; a contact is marked
 * verified and the sales-to-CS handoff started from the account page.
 */
@SuppressWarnings("rawtypes")
class CommitmentPagesBrowserTests extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPromiseRecordedOnTheAccountPageGetsItsPageHistoryAndActions() {
        long account = anAccountOfRob();
        signIn("rob");
        open("/accounts/" + account);

        press("Record the promise");
        waitForText("The promise was not recorded");
        assertThat(errorAt("promise-description")).contains("say what was promised");
        fill("promise-description", "Send the SSO guide");
        setDate("promise-dueDate", LocalDate.now().plusDays(10));
        new Select(browser.findElement(By.id("promise-ownerId"))).selectByVisibleText("Rob Jansen");
        press("Record the promise");
        waitForText("Promise recorded");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .as("the account's commitment history in words")
                .contains("Rob Jansen promised \"Send the SSO guide\"")
                .doesNotContain("commitment.created");
        Long commitment = jdbc.queryForObject(
                "select id from commitment where account_id = ? and description = 'Send the SSO guide'",
                Long.class,
                account);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select process_instance_key from commitment where id = ?", Long.class, commitment)
                        != null);
        Browser.screenshots(browser, "account-promise-recorded");

        browser.findElement(By.linkText("Send the SSO guide")).sendKeys(Keys.ENTER);
        waitForText("What you can do");
        assertThat(browser.findElements(By.cssSelector("li.history")).get(0).getText())
                .contains("Rob Jansen promised \"Send the SSO guide\"");
        press("Accept");
        waitForText("Done: the promise is accepted.");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Rob Jansen accepted the promise \"Send the SSO guide\"", "Mark delivered")
                .doesNotContain("ACCEPTED");

        press("Mark delivered");
        waitForText("Nothing changed");
        assertThat(errorAt("text-deliver")).contains("how it was delivered");
        Browser.screenshots(browser, "commitment-detail");
    }

    @Test
    void theRegisterStartsOnOpenCommitmentsAndEachCountOpensItsFilter() {
        signIn("cora");
        open("/commitments");
        assertThat(browser.findElement(By.cssSelector("input[name=open]")).isSelected())
                .isTrue();
        assertThat(browser.findElement(By.tagName("tbody")).getText()).doesNotContain("Verified", "Canceled");

        browser.findElement(By.partialLinkText("overdue")).sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.getCurrentUrl().contains("overdue=true"));
        assertThat(browser.findElement(By.cssSelector("input[name=overdue]")).isSelected())
                .isTrue();
        Browser.screenshots(browser, "commitment-register-overdue");
    }

    @Test
    void aContactIsMarkedVerifiedAndTheHandoffStartedFromTheAccountPage() {
        long account = anAccountOfRob();
        as("rob")
                .postForEntity(
                        "/api/accounts/" + account + "/contacts",
                        Map.of(
                                "fullName",
                                "Vera Verify",
                                "email",
                                "vera-" + account + "@customer.example",
                                "primary",
                                true),
                        Map.class);
        signIn("rob");
        open("/accounts/" + account);
        browser.findElement(By.cssSelector("button[aria-label=\"Mark verified: Vera Verify\"]"))
                .sendKeys(Keys.ENTER);
        waitForText("Vera Verify's details are marked as verified today.");
        assertThat(jdbc.queryForObject(
                        "select last_verified_at is not null from contact where account_id = ?",
                        Boolean.class,
                        account))
                .isTrue();

        press("Start the sales-to-CS handoff");
        waitForText("The sales-to-CS handoff has started");
        // a second start is not offered while it runs (the API's 409 for one: ProblemDetailsIntegrationTests)
        waitForText("A sales-to-CS handoff has been running since");
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Start the sales-to-CS handoff']")))
                .isEmpty();
        Browser.screenshots(browser, "account-handoff-started");
    }

    private long anAccountOfRob() {
        Map created = as("maria")
                .postForObject(
                        "/api/accounts",
                        Map.of(
                                "name",
                                "Promise " + UUID.randomUUID().toString().substring(0, 8),
                                "ownerId",
                                jdbc.queryForObject("select id from person where username = 'rob'", Long.class)),
                        Map.class);
        return ((Number) created.get("id")).longValue();
    }

    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), date.toString());
    }
}
