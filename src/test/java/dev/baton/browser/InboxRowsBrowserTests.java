package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.handover.HandoverFixture;
import dev.baton.handover.HandoverFixture.Book;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 16, point 6: every inbox row says whose account and which handover it is for, rows group
 * by account, the playbook filter offers names and the account filter names, and after a task the
 * next one of the same kind is one button away ("Save and next: Brauerei ..., 2 left").
 */
class InboxRowsBrowserTests extends BrowserTest {

    private static final String NOTE = "task_write_handover_note";

    @Autowired
    ApplicationContext context;

    @Autowired
    Accounts accounts;

    @Test
    void eachRowNamesItsAccountAndHandoverGroupsByAccountAndFiltersByNames() {
        Book book = threeAccountHandover();
        Set<String> names = accountNames(book);
        signIn(book.departing().getUsername());

        open("/tasks");
        // the team's unclaimed tasks of other tests share this inbox: look at this handover's rows
        String handover = "Handover: " + book.departing().getFullName() + "'s book";
        List<WebElement> rows = rowsAbout(handover);
        assertThat(rows.stream()
                        .map(r -> r.findElement(By.cssSelector(".task-about .account-link"))
                                .getText()))
                .containsExactlyInAnyOrderElementsOf(names);
        assertThat(rows.stream()
                        .map(r -> r.findElement(By.cssSelector("a[aria-label^='Write handover note · ']"))
                                .getAttribute("aria-label")
                                .substring("Write handover note · ".length())))
                .as("each row's link is named by its account")
                .containsExactlyInAnyOrderElementsOf(names);
        Browser.screenshots(browser, "inbox-rows");

        new Select(browser.findElement(By.id("group"))).selectByValue("account");
        press("Filter");
        waitForText("Group by");
        assertThat(texts(".task-group h2 a")).containsAll(names);
        Browser.screenshots(browser, "inbox-grouped-by-account");

        Select playbook = new Select(browser.findElement(By.id("playbook")));
        assertThat(playbook.getOptions().stream().map(WebElement::getText)).contains("Account handover");
        playbook.selectByVisibleText("Account handover");
        String first = names.stream().sorted().findFirst().orElseThrow();
        fill("account", first);
        press("Filter");
        waitForText("Group by");
        assertThat(texts(".task-about .account-link")).containsOnly(first);
        assertThat(browser.findElement(By.id("account")).getAttribute("value")).isEqualTo(first);

        String tag = book.account().getName().substring(book.account().getName().indexOf(' ') + 1);
        fill("account", tag);
        press("Filter");
        waitForText("accounts match");
        assertThat(browser.findElements(By.cssSelector("#account-choices a"))).hasSize(3);
    }

    @Test
    void saveAndNextOpensTheNextTaskOfTheSameKindAndSaysHowManyAreLeft() {
        Book book = threeAccountHandover();
        signIn(book.departing().getUsername());
        List<Task> notes = handovers().open(book, NOTE);

        open("/tasks/" + notes.get(0).getId());
        writeNote();
        WebElement next = browser.findElement(By.id("save-and-next"));
        assertThat(next.getText()).startsWith("Save and next: Brauerei ").endsWith(", 2 left");
        Browser.screenshots(browser, "task-save-and-next");
        next.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitForText("is done");

        long second = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/tasks/", ""));
        assertThat(notes.stream()
                        .map(Task::getId)
                        .filter(id -> id != notes.get(0).getId()))
                .as("another of the three notes")
                .contains(second);
        assertThat(tasks.findById(notes.get(0).getId()).orElseThrow().getStatus())
                .isNotEqualTo(TaskStatus.OPEN);
        assertThat(browser.findElement(By.id("save-and-next")).getText()).endsWith(", 1 left");

        writeNote();
        press("Complete");
        waitForText("Next of the same kind");
        assertThat(browser.getCurrentUrl()).endsWith("/tasks");
        assertThat(browser.findElement(By.id("next-offer")).getText()).contains("(1 left)");
        Browser.screenshots(browser, "inbox-next-offer");

        browser.findElement(By.linkText("Completed")).sendKeys(org.openqa.selenium.Keys.ENTER);
        waitForText("Completed by me");
        assertThat(browser.findElements(By.cssSelector("tbody tr")))
                .as("the two notes I wrote, each with its account")
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.getText()).contains("Write handover note\nBrauerei "));
        Browser.screenshots(browser, "tasks-completed-by-me");
    }

    /** A new rep with three accounts, handed over to one successor: three notes to write. */
    private Book threeAccountHandover() {
        HandoverFixture handovers = handovers();
        Book book = handovers.book();
        String tag = book.account().getName().substring("Brauerei ".length());
        for (String prefix : new String[] {"Brauerei Zwei ", "Brauerei Drei "}) {
            accounts.save(new Account(prefix + tag, book.departing(), "mid-market", "DACH", null));
        }
        Book launched = handovers.launch(book, true, this::as);
        await().atMost(WAIT).until(() -> handovers.open(launched, NOTE).size() == 3);
        return launched;
    }

    private Set<String> accountNames(Book book) {
        return handovers().open(book, NOTE).stream()
                .map(t -> accounts.findById(t.getAccountId()).orElseThrow().getName())
                .collect(Collectors.toSet());
    }

    private void writeNote() {
        fill("field-relationshipSummary", "Loyal since 2019");
        fill("field-keyContacts", "Ana decides");
        fill("field-openCommitmentsAndRisks", "Training owed by March");
    }

    /** The inbox rows whose subject is that handover. */
    private List<WebElement> rowsAbout(String handover) {
        return browser.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.findElements(By.cssSelector(".subject-link")).stream()
                        .anyMatch(a -> a.getText().startsWith(handover)))
                .toList();
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText)
                .toList();
    }

    private HandoverFixture handovers() {
        return new HandoverFixture(context);
    }
}
