package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.handover.HandoverFixture;
import dev.baton.handover.HandoverFixture.Book;
import dev.baton.people.AbsenceService;
import dev.baton.people.NewAbsence;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 16, point 7: people are picked from suggestions, not typed as user names: active people, the
 * picker's team first, with their book and absence, never the person being handed over, and for a
 * handover only people in the manager's line.
 */
class PeoplePickerBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AbsenceService absences;

    @Test
    @SuppressWarnings("unchecked")
    void successorSuggestionsAreTheManagersLineWithoutTheLeaverTeamFirstWithBookAndAbsence() {
        HandoverFixture handovers = new HandoverFixture(context);
        Book book = handovers.launch(handovers.book(), false, this::as);
        absences.record(
                book.successor().getUsername(),
                new NewAbsence(LocalDate.now(), LocalDate.now().plusDays(3), "rob", null));

        String successors = "/api/people/suggestions?purpose=successor&handover=" + book.id() + "&q=";
        List<Map<String, Object>> all = as("maria").getForObject(successors, List.class);
        List<Map<String, Object>> found =
                as("maria").getForObject(successors + book.successor().getUsername(), List.class);

        assertThat(all).extracting(p -> p.get("username")).doesNotContain("maria", "ada", "cora", "ravi");
        assertThat(all)
                .extracting(p -> (Boolean) p.get("sameTeam"))
                .isSortedAccordingTo((a, b) -> Boolean.compare(b, a));
        assertThat(found).singleElement().satisfies(p -> {
            assertThat((String) p.get("label"))
                    .startsWith(book.successor().getFullName() + " ("
                            + book.successor().getUsername() + ") · Sales EMEA · ")
                    .contains("0 accounts")
                    .contains("away until ");
        });
        assertThat(as("maria").getForObject(successors + book.departing().getUsername(), List.class))
                .as("the person being handed over")
                .isEmpty();
        assertThat(as("rob")
                        .getForObject(
                                "/api/people/suggestions?purpose=delegate&q="
                                        + book.successor().getUsername(),
                                List.class))
                .as("away today: no delegate")
                .isEmpty();
        String cover =
                "/api/people/suggestions?purpose=cover&q=" + book.successor().getUsername();
        LocalDate today = LocalDate.now();
        assertThat(as("rob")
                        .getForObject(cover + "&from=" + today.plusDays(2) + "&to=" + today.plusDays(9), List.class))
                .as("away on a day of the absence to cover")
                .isEmpty();
        assertThat(as("rob")
                        .getForObject(cover + "&from=" + today.plusDays(4) + "&to=" + today.plusDays(9), List.class))
                .as("back by then")
                .hasSize(1);
        ResponseEntity<Map> wrong = as("maria").getForEntity("/api/people/suggestions?purpose=boss", Map.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrong.getBody().toString()).contains("purpose");
    }

    @Test
    void delegateAndCoverSuggestOnlyPeopleFreeToTakeTheWork() {
        signIn("rob");
        open("/absences");
        shown(By.id("delegate")).sendKeys("rit");
        assertThat(suggestions("delegate", "rit")).extracting(o -> o.get(0)).containsExactly("rita");
        assertThat(browser.findElement(By.id("delegate")).getAttribute("list")).isEqualTo("delegate-options");
        Browser.screenshots(browser, "people-picker-cover");
    }

    /**
     * The input's suggestions as [user name, line shown], once those for what was typed have arrived
     * (each line names it); read in one script call, as the list is replaced while the user types.
     */
    @SuppressWarnings("unchecked")
    private List<List<String>> suggestions(String inputId, String typed) {
        String read = "return Array.from(document.querySelectorAll('#' + arguments[0] + '-options option'))"
                + ".map(o => [o.value, o.label]);";
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            List<List<String>> found = (List<List<String>>) ((JavascriptExecutor) d).executeScript(read, inputId);
            boolean arrived = !found.isEmpty()
                    && found.stream().allMatch(o -> o.get(1).toLowerCase().contains(typed.toLowerCase()));
            return arrived ? found : null;
        });
    }
}
