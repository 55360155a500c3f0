package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.renewal.RenewalRun;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Session 41's probe: a manager could not see which renewals and contact reviews were going on. The catalogue
 * links their lists, and the menu has them: a renewal of one of the manager's line's accounts shows with its
 * account, owner and the step it waits on.
 */
@SuppressWarnings("rawtypes")
class RunListsBrowserTests extends BrowserTest {

    @Autowired
    RenewalRun renewals;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCatalogueAndTheMenuLeadToTheRenewalsAndContactReviewsAManagerWatches() {
        String name = "Renewing " + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("ownerId", personId("rob"));
        body.put("renewalDate", LocalDate.now().plusDays(75).toString());
        long account = id(as("ada").postForObject("/api/accounts", body, Map.class));
        assertThat(renewals.run(List.of(account))).hasSize(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from task t join renewal r on r.id = t.subject_id"
                                        + " where t.subject_type = 'renewal' and r.account_id = ? and t.status = 'OPEN'",
                                Long.class,
                                account)
                        > 0);

        signIn("maria");
        open("/playbooks");
        // the catalogue's row of the renewal playbook, not the menu's link
        browser.findElement(By.cssSelector("td.watched-elsewhere a[href$='/renewals']"))
                .sendKeys(Keys.ENTER);
        waitForText("opened by Baton");
        assertThat(browser.getCurrentUrl()).endsWith("/renewals");
        String row = browser.findElements(By.cssSelector("table.renewals tbody tr")).stream()
                .filter(r -> r.getText().contains(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " on:\n"
                        + browser.findElement(By.tagName("main")).getText()))
                .getText();
        assertThat(row).contains("Rob Jansen", "Review account health", "since");
        Browser.screenshots(browser, "renewals");

        browser.findElement(By.cssSelector("nav"))
                .findElement(By.linkText("Contact reviews"))
                .sendKeys(Keys.ENTER);
        waitForText("Each quarter Baton asks every owner");
        assertThat(browser.getCurrentUrl()).endsWith("/stewardship");
        Browser.screenshots(browser, "contact-reviews");
    }
}
