package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.account.Account;
import dev.baton.handover.HandoverFixture.Book;
import dev.baton.support.SignedIn;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * Found by probe 45 (F2): the handover page built "Change the plan" from the accounts of the page shown,
 * so past page 1 it said "nothing left to reassign here" while accounts could still be reassigned; it
 * ignored {@code size}, and a page past the end showed an empty table without a word.
 */
class HandoverPageIntegrationTests extends HandoverBookTest {

    private static final Pattern OPTION = Pattern.compile("<option value=\"\\d+\">([^<]*)</option>");

    @Autowired
    HandoverQueries queries;

    @Test
    void changeThePlanOffersEveryAccountNotMovedYetWhicheverPageIsShownAndThePageTakesItsSize() {
        Account second = fixture.account(book, "Zeppelin " + book.departing().getUsername());
        Book launched = fixture.launch(book, true, this::as);
        TestRestTemplate maria = SignedIn.as(http, "maria");
        String successor = launched.successor().getFullName();

        String secondPage = maria.getForObject("/handovers/" + launched.id() + "?page=1&size=1", String.class);

        assertThat(reviewLinks(secondPage)).as("size=1: one account a page").containsExactly(second.getName());
        assertThat(secondPage).contains("Page 2 of 2 (2 accounts, by name)");
        assertThat(amendChoices(secondPage))
                .as("every account not moved yet, not those of the page shown")
                .containsExactly(
                        book.account().getName() + " (now: " + successor + ")",
                        second.getName() + " (now: " + successor + ")");
        assertThat(secondPage).doesNotContain("nothing left to reassign");

        String pastTheEnd = maria.getForObject("/handovers/" + launched.id() + "?page=5&size=1", String.class);
        assertThat(reviewLinks(pastTheEnd)).isEmpty();
        assertThat(pastTheEnd)
                .contains("No accounts on this page: <span>2 match</span>; <a href=\"/handovers/" + launched.id()
                        + "?page=0&amp;size=1\">first page</a>")
                .doesNotContain("Page 6 of 2");
        assertThat(amendChoices(pastTheEnd)).hasSize(2);
    }

    @Test
    void aBookTooBigToListOffersTheFirstByNameSaysSoAndFindsTheOthersByName() {
        Account second = fixture.account(book, "Zeppelin " + book.departing().getUsername());
        Book launched = fixture.launch(book, true, this::as);

        HandoverViews.Amendable first = queries.amendable(launched.id(), "maria", null, 1);
        assertThat(first.accounts())
                .extracting(HandoverViews.AmendableAccount::accountName)
                .containsExactly(book.account().getName());
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.more()).isTrue();

        String found = SignedIn.as(http, "maria")
                .getForObject("/handovers/" + launched.id() + "?amend=zeppelin", String.class);
        assertThat(amendChoices(found)).singleElement().asString().startsWith(second.getName());
        assertThat(SignedIn.as(http, "maria")
                        .getForObject("/handovers/{id}?amend={q}", String.class, launched.id(), "50%"))
                .as("the characters searched for, not a wildcard")
                .contains("No account not moved yet has “<span>50%</span>” in its name");
    }

    /**
     * Session 46: the API had {@code PUT .../successor} but no list of the accounts it accepts; it lists the
     * page's, a page at a time, to whoever may see the handover.
     */
    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void theApiListsTheAccountsWhoseSuccessorCanStillChangeAPageAtATime() {
        Account second = fixture.account(book, "Zeppelin " + book.departing().getUsername());
        Book launched = fixture.launch(book, true, this::as);
        String amendable = "/api/handovers/" + launched.id() + "/amendable";

        Map page = as("maria").getForObject(amendable + "?page=1&size=1", Map.class);
        assertThat(page).containsEntry("totalElements", 2).containsEntry("totalPages", 2);
        assertThat((List<Map>) page.get("content"))
                .singleElement()
                .satisfies(a -> assertThat(a)
                        .containsEntry("accountId", second.getId().intValue())
                        .containsEntry("accountName", second.getName())
                        .containsEntry("successorName", launched.successor().getFullName()));
        assertThat((List<Map>) as("maria")
                        .getForObject(amendable + "?q={q}", Map.class, "ZEPPELIN")
                        .get("content"))
                .extracting(a -> a.get("accountName"))
                .containsExactly(second.getName());
        assertThat((List<Map>) as("maria")
                        .getForObject(amendable + "?q={q}", Map.class, "50%")
                        .get("content"))
                .as("the characters searched for, not a wildcard")
                .isEmpty();

        ResponseEntity<Map> badSize = as("maria").getForEntity(amendable + "?size=0", Map.class);
        assertThat(badSize.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) badSize.getBody().get("errors")).containsOnlyKeys("size");
        ResponseEntity<Map> badPage = as("maria").getForEntity(amendable + "?page=abc", Map.class);
        assertThat(badPage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) badPage.getBody().get("errors")).containsOnlyKeys("page");
        assertThat(as("marcus").getForEntity(amendable, Map.class).getStatusCode())
                .as("a manager outside the line may not see the handover, as on its page")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("maria")
                        .getForEntity("/api/handovers/999999/amendable", Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        as("maria").postForEntity("/api/handovers/" + launched.id() + "/cancel", Map.of("reason", "stays"), Map.class);
        assertThat(as("maria").getForObject(amendable, Map.class))
                .as("an ended handover's successors can no longer change")
                .containsEntry("totalElements", 0);
    }

    /**
     * Session 47: {@code q} had no length cap. It is a part of an account's name, so it may be as long as a name
     * (255 characters, counted as people count them: an emoji is one) and no longer, as a 400 naming it.
     */
    @Test
    @SuppressWarnings("rawtypes")
    void theApiRefusesASearchLongerThanAnAccountNameCanBe() {
        Book launched = fixture.launch(book, true, this::as);
        String amendable = "/api/handovers/" + launched.id() + "/amendable?q={q}";

        ResponseEntity<Map> tooLong = as("maria").getForEntity(amendable, Map.class, "a".repeat(256));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) tooLong.getBody().get("errors"))
                .containsExactly(Map.entry("q", "must be at most 255 characters"));
        ResponseEntity<Map> longest = as("maria").getForEntity(amendable, Map.class, "\uD83D\uDE00".repeat(255));
        assertThat(longest.getStatusCode()).as("255 emoji: 510 UTF-16 units").isEqualTo(HttpStatus.OK);
        assertThat(longest.getBody()).containsEntry("totalElements", 0);
    }

    @Test
    @SuppressWarnings({"unchecked"})
    void theApiDescribesTheAmendableList() {
        Map<String, Object> paths = (Map<String, Object>)
                as("maria").getForObject("/v3/api-docs", Map.class).get("paths");
        Map<String, Object> get =
                (Map<String, Object>) ((Map<String, Object>) paths.get("/api/handovers/{id}/amendable")).get("get");
        assertThat((String) get.get("summary")).contains("One page (page, size)", "can still change");
        assertThat((List<Map<String, Object>>) get.get("parameters"))
                .extracting(p -> p.get("name"))
                .contains("id", "q"); // page and size in the Pageable, as on every paged list
    }

    /** The accounts the page's table links to for review, in order. */
    private static List<String> reviewLinks(String page) {
        return Pattern.compile("aria-label=\"Review ([^\"]*)\"")
                .matcher(page)
                .results()
                .map(m -> HtmlUtils.htmlUnescape(m.group(1)))
                .toList();
    }

    /** The accounts "Change the plan" offers, as its list shows them. */
    private static List<String> amendChoices(String page) {
        int start = page.indexOf("id=\"amend-account\"");
        if (start < 0) {
            return List.of();
        }
        Matcher options = OPTION.matcher(page.substring(start, page.indexOf("</select>", start)));
        return options.results().map(m -> HtmlUtils.htmlUnescape(m.group(1))).toList();
    }
}
