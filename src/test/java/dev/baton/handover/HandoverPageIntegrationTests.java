package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.account.Account;
import dev.baton.handover.HandoverFixture.Book;
import dev.baton.support.SignedIn;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
