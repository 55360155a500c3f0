package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.shared.Dates;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Counts in the handover's mails agree with their nouns (the per-successor lines: {@code
 * HandoverSummaryLinesTests}): a successor who took one account read "Nia
 * Novak: 1 accounts" in the manager's completion mail (found by the session 40 probe), and a book of one
 * read "1 accounts moved".
 */
class HandoverMailCountsTests {

    private final MailComposer composer = new MailComposer(
            new MailBaseUrl(URI.create("https://baton.example/"), 8080),
            Dates.fixed(Clock.systemUTC(), ZoneId.of("UTC")),
            ZoneId.of("UTC"));

    @Test
    void theCompletionMailCountsOneAccountAsOne() {
        MailComposer.Mail mail = composer.compose(
                "handover-summary", summary(14, List.of("Nia Novak: 1 account", "Rita Okafor: 13 accounts")));
        MailComposer.Mail one = composer.compose("handover-summary", summary(1, List.of("Nia Novak: 1 account")));

        assertThat(mail.text()).contains("14 accounts moved to their successors", "- Nia Novak: 1 account\n");
        assertThat(one.text())
                .contains("complete: 1 account moved to its successor in 2 days.")
                .doesNotContain("1 accounts");
        assertThat(one.html()).doesNotContain("1 accounts").contains("Nia Novak: 1 account<");
    }

    @Test
    void theCancellationTellsTheDepartingPersonOfOneAccountInTheSingular() {
        MailComposer.Mail none = composer.compose("handover-canceled-departing", canceled(1, List.of()));
        MailComposer.Mail oneLeft =
                composer.compose("handover-canceled-departing", canceled(2, List.of("Acme (now Rita Okafor's)")));
        MailComposer.Mail allMoved =
                composer.compose("handover-canceled-departing", canceled(1, List.of("Acme (now Rita Okafor's)")));

        assertThat(none.text()).contains("Your account stays yours.").doesNotContain("All 1");
        assertThat(none.html()).contains("Your account stays yours.");
        assertThat(oneLeft.text()).contains("The other 1 of your 2 accounts stays yours.");
        assertThat(oneLeft.html())
                .containsPattern(
                        "The other <span>1</span> of your <span>2</span> accounts\\s+<span>stays</span> yours");
        assertThat(allMoved.text()).doesNotContain("The other 0");
        assertThat(allMoved.html()).doesNotContain("The other");
    }

    @Test
    void theCancellationTellsTheSuccessorWhichLeadsTheHandoverMovedToThemAndThatTheyDoNotGoBack() {
        MailComposer.Mail one = composer.compose(
                "handover-canceled-successor", canceledSuccessor(List.of("Jane Doe at Acme (stays yours)")));
        MailComposer.Mail two = composer.compose(
                "handover-canceled-successor",
                canceledSuccessor(List.of("Jane Doe at Acme (stays yours)", "Li Wu at Initech (now Nia Novak's)")));
        MailComposer.Mail none = composer.compose("handover-canceled-successor", canceledSuccessor(List.of()));

        assertThat(one.text().replace("\r\n", "\n"))
                .contains("The open lead the handover moved to you does not go back to Rob Jansen:\n"
                        + "- Jane Doe at Acme (stays yours)\n");
        assertThat(one.html())
                .containsPattern(
                        "The open lead the handover moved to you <strong>does not go back</strong> to <span\\s*>"
                                + "Rob Jansen</span>")
                .contains("<li>Jane Doe at Acme (stays yours)</li>");
        assertThat(two.text().replace("\r\n", "\n"))
                .contains("The 2 open leads the handover moved to you do not go back to Rob Jansen:\n"
                        + "- Jane Doe at Acme (stays yours)\n- Li Wu at Initech (now Nia Novak's)\n");
        assertThat(two.html()).contains("<li>Li Wu at Initech (now Nia Novak&#39;s)</li>");
        assertThat(none.text()).doesNotContain("lead");
        assertThat(none.html()).doesNotContain("lead");
    }

    /**
     * "(counted above)" points at the accounts' counts: only when some account has one (probe 45: with none
     * counted it pointed at nothing), in the HTML part as in the text.
     */
    @Test
    void theTakingOverMailSaysCountedAboveOnlyWhenAnAccountHasACount() {
        MailComposer.Mail counted = composer.compose(
                "handover-taking-over",
                takingOver(List.of("Acme (2 open commitments of Rob Jansen's)", "Globex"), true));
        MailComposer.Mail none = composer.compose("handover-taking-over", takingOver(List.of("Globex"), false));

        assertThat(counted.text()).contains("Rob Jansen's open commitments (counted above) and open tasks");
        assertThat(counted.html())
                .containsPattern(
                        "Rob Jansen</span>'s open commitments<span> \\(counted\\s+above\\)</span> and open" + " tasks");
        assertThat(none.text())
                .contains("Rob Jansen's open commitments and open tasks")
                .doesNotContain("counted");
        assertThat(none.html()).doesNotContain("counted").contains("open commitments and open tasks");
    }

    private static Map<String, Object> takingOver(List<String> accounts, boolean counted) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", "Nia Novak");
        model.put("departingName", "Rob Jansen");
        model.put("reason", "leaving");
        model.put("effectiveOn", "Fri 4 Dec");
        model.put("count", accounts.size());
        model.put("accounts", accounts); // as HandoverMails.takingOver words them
        model.put("counted", counted);
        model.put("inbox", "/tasks?playbook=account-handover&group=subject");
        return model;
    }

    private static Map<String, Object> summary(long accounts, List<String> perSuccessor) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", "Maria Rossi");
        model.put("departingName", "Rob Jansen");
        model.put("accounts", accounts);
        model.put("duration", "2 days");
        model.put("successors", perSuccessor); // as HandoverMails.successorLines words them
        model.put("notesByDeparting", accounts);
        model.put("notesByManager", 0L);
        model.put("introsSent", accounts);
        model.put("introsWaiting", 0L);
        model.put("introsFailed", 0L);
        model.put("handoverId", 7L);
        return model;
    }

    private static Map<String, Object> canceled(long accounts, List<String> moved) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", "Rob Jansen");
        model.put("cancellerName", "Maria Rossi");
        model.put("departingName", "Rob Jansen");
        model.put("reason", null);
        model.put("accounts", accounts);
        model.put("moved", moved);
        model.put("leads", List.of()); // the open leads the handover moved (CancelNotices): none here
        model.put("handoverId", 7L);
        return model;
    }

    /** The successor's cancellation mail (CancelNotices): no account moved, {@code leads} moved to them. */
    private static Map<String, Object> canceledSuccessor(List<String> leads) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", "Sam Successor");
        model.put("cancellerName", "Maria Rossi");
        model.put("departingName", "Rob Jansen");
        model.put("reason", null);
        model.put("accounts", List.of());
        model.put("notComing", List.of());
        model.put("leads", leads);
        model.put("handoverId", 7L);
        return model;
    }
}
