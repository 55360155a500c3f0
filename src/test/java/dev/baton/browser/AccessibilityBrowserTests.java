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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 16, point 14: axe-core finds no WCAG 2.1 A/AA violation on any page, as each kind of user
 * sees it (the sign-in page, an error page, lists, details, task forms, the handover pages).
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
                "/handovers/new",
                "/handovers/" + book.id(),
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
