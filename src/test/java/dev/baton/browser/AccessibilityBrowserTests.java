package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.handover.HandoverFixture;
import dev.baton.handover.HandoverFixture.Book;
import dev.baton.playbook.engine.SampleReviewBpmn;
import dev.baton.task.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * Issue 16, point 14: axe-core finds no WCAG 2.1 A/AA violation on any page, as each kind of user
 * sees it (the sign-in page, an error page, lists, details, task forms with their context, a refused
 * form, the handover pages).
 */
class AccessibilityBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Test
    void noPageHasAnAccessibilityViolation() throws Exception {
        HandoverFixture handovers = new HandoverFixture(context);
        Book book = handovers.launch(handovers.book(), false, this::as);
        Task choose = handovers.awaitOpen(book, "task_choose_successor");
        Task review = awaitTaskOf(startReview(book.account().getId()));
        Book acknowledging = handovers.launch(handovers.book(), true, this::as);
        assertThat(as(acknowledging.departing().getUsername())
                        .postForEntity(
                                "/api/tasks/"
                                        + handovers
                                                .awaitOpen(acknowledging, "task_write_handover_note")
                                                .getId() + "/complete",
                                HandoverFixture.NOTE,
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Task acknowledge = handovers.awaitOpen(acknowledging, "task_review_and_acknowledge_account");
        Map<String, List<String>> violations = new LinkedHashMap<>();

        open("/login");
        check(violations, "/login");
        signIn("maria");
        for (String page : List.of(
                "/tasks",
                "/tasks?scope=delegated",
                "/tasks?scope=all-visible&overdue=true",
                "/tasks/history",
                "/tasks/" + choose.getId(),
                "/tasks/" + review.getId(),
                "/accounts",
                "/accounts/" + book.account().getId(),
                "/commitments",
                "/playbooks",
                "/playbooks/" + SampleReviewBpmn.PROCESS_ID,
                "/handovers",
                "/renewals",
                "/stewardship",
                "/handovers/new",
                "/handovers/" + book.id(),
                "/handovers/" + book.id() + "/accounts/" + book.account().getId(),
                "/playbooks/instances/" + review.getProcessInstanceKey(),
                "/reports/trust",
                "/data-quality",
                "/absences",
                "/absences/today",
                "/audit",
                "/preferences",
                "/tasks/not-a-number",
                "/no-such-page")) {
            open(page);
            check(violations, page);
        }
        browser.manage().deleteAllCookies();
        signIn(acknowledging.successor().getUsername());
        open("/tasks/" + acknowledge.getId());
        check(violations, "/tasks/{acknowledge}");
        new Select(browser.findElement(By.id("field-acknowledgement"))).selectByValue("ask");
        press("Complete");
        waitForText("nothing was completed");
        check(violations, "/tasks/{acknowledge} refused");
        browser.manage().deleteAllCookies();
        signIn("ada");
        for (String page : List.of("/tasks?scope=unassigned", "/imports", "/admin/problems")) {
            open(page);
            check(violations, page);
        }

        assertThat(violations).isEmpty();
    }

    private void check(Map<String, List<String>> violations, String page) {
        List<String> found = axeViolations();
        if (!found.isEmpty()) {
            violations.put(page, found);
        }
    }
}
