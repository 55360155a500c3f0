package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.shared.Dates;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailComposerTests {

    private final MailComposer composer = new MailComposer(
            new MailBaseUrl(URI.create("https://baton.example/"), 8080),
            Dates.fixed(Clock.systemUTC(), ZoneId.of("UTC")),
            ZoneId.of("UTC"));

    @Test
    void rendersSubjectTextAndHtmlFromTheSameModel() {
        MailComposer.Mail mail = composer.compose(
                "task-assigned",
                Map.of(
                        "recipientName",
                        "Rob",
                        "taskName",
                        "Write the handover note",
                        "taskId",
                        42,
                        "accountName",
                        "Brauerei Müller & Söhne",
                        "dueAt",
                        LocalDateTime.of(2026, 12, 1, 17, 0)));

        assertThat(mail.subject()).isEqualTo("New task: Write the handover note · Brauerei Müller & Söhne");
        assertThat(mail.text())
                .startsWith("Hello Rob,")
                .contains(
                        "for Brauerei Müller & Söhne.",
                        "Due: Tue 1 Dec 2026, 17:00 UTC",
                        "https://baton.example/tasks/42");
        assertThat(mail.html()).contains("Brauerei Müller &amp; Söhne", "href=\"https://baton.example/tasks/42\"");
    }

    @Test
    void anOfferNamesTheTeamsItIsForOrTheRecipientWhenOfferedByNameOnly() {
        Map<String, Object> model = new java.util.HashMap<>(
                Map.of("recipientName", "Rob", "taskName", "Review account", "taskId", 42, "byName", false));
        model.put("teams", "Customer Success and Sales EMEA");

        MailComposer.Mail toTeams = composer.compose("task-offered", model);
        model.put("teams", null);
        model.put("byName", true);
        MailComposer.Mail byName = composer.compose("task-offered", model);

        assertThat(toTeams.subject()).isEqualTo("New task for Customer Success and Sales EMEA: Review account");
        assertThat(toTeams.text())
                .contains("waiting in Baton for Customer Success and Sales EMEA: Review account.")
                .contains("whoever claims it first holds it", "https://baton.example/tasks/42")
                .doesNotContain("by name");
        assertThat(toTeams.html()).contains("href=\"https://baton.example/tasks/42\"");
        assertThat(byName.subject()).isEqualTo("New task for you: Review account");
        assertThat(byName.text())
                .contains("waiting in Baton for you: Review account.")
                .doesNotContain("by name");
    }

    /** Found by a probe: "for Van Leeuwen Logistiek B.V.." */
    @Test
    void anAccountNameEndingInADotEndsTheSentenceOnce() {
        MailComposer.Mail mail = composer.compose(
                "task-assigned",
                Map.of("recipientName", "Rob", "taskName", "Call", "taskId", 7, "accountName", "Van Leeuwen B.V."));

        assertThat(mail.text()).contains("Call for Van Leeuwen B.V.\n").doesNotContain("B.V..");
        assertThat(mail.html()).contains("Van Leeuwen B.V.</strong></span></p>").doesNotContain("B.V..");
        assertThat(composer.compose("task-assigned", Map.of("recipientName", "Rob", "taskName", "Call", "taskId", 7))
                        .text())
                .contains("a new task in Baton: Call.\n");
    }

    @Test
    void printsTimesInTheRecipientsZoneWithItsName() {
        Map<String, Object> model = Map.of(
                "recipientName",
                "Rita",
                "taskName",
                "Call",
                "taskId",
                1,
                "dueAt",
                Instant.parse("2026-12-01T16:00:00Z"));

        assertThat(composer.compose("task-assigned", model, ZoneId.of("America/Los_Angeles"))
                        .text())
                .contains("Due: Tue 1 Dec 2026, 08:00 PST");
        assertThat(composer.compose("task-assigned", model, ZoneId.of("Australia/Sydney"))
                        .html())
                .contains("Wed 2 Dec 2026, 03:00 AEDT");
        assertThat(composer.compose("task-assigned", model).text())
                .as("a reader without a zone reads the company's")
                .contains("Due: Tue 1 Dec 2026, 16:00 UTC");
    }

    @Test
    void escapesWhatCustomersTypedInTheHtmlPart() {
        MailComposer.Mail mail = composer.compose(
                "task-assigned", Map.of("recipientName", "<script>alert(1)</script>", "taskName", "Call", "taskId", 1));

        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(mail.subject()).isEqualTo("New task: Call");
        assertThat(mail.text()).doesNotContain("Due:");
    }

    @Test
    void saysWhichTemplateIsMissing() {
        assertThatThrownBy(() -> composer.compose("no-such-mail", Map.of())).hasMessageContaining("no-such-mail");
    }

    private MailComposer.Mail introduction(java.util.List<String> promises) {
        return composer.compose(
                "intro-customer",
                Map.of(
                        "contactName",
                        "Ana",
                        "accountName",
                        "Acme",
                        "successorName",
                        "Rita Okafor",
                        "successorEmail",
                        "rita@example.com",
                        "departingName",
                        "Rob Jansen",
                        "departingFirstName",
                        "Rob",
                        "departingInCopy",
                        false,
                        "promises",
                        promises));
    }

    @Test
    void theIntroductionListsEachOpenPromiseWithItsDateInTextAndHtml() {
        MailComposer.Mail mail =
                introduction(java.util.List.of("Price hold, by 27 March 2026", "SSO guide, by 1 May 2026"));

        assertThat(mail.text())
                .contains("and what we have promised you stands; I am your contact for all of it:\n\n"
                        + "- Price hold, by 27 March 2026\n- SSO guide, by 1 May 2026\n")
                .as("customer success delivers many of them: the new rep is the contact, not their owner")
                .doesNotContain("look after every promise");
        assertThat(mail.html())
                .contains("<li>Price hold, by 27 March 2026</li>", "<li>SSO guide, by 1 May 2026</li>")
                .contains("contact for all of it:")
                .doesNotContain("look after every promise");
    }

    @Test
    void theIntroductionSaysNothingOfPromisesWhenThereAreNone() {
        MailComposer.Mail mail = introduction(java.util.List.of());

        assertThat(mail.text())
                .contains("You won't need to repeat any of it.\n")
                .doesNotContain("promised you stands");
        assertThat(mail.html()).doesNotContain("promised you stands").doesNotContain("<li>");
    }

    /**
     * Session 39 left the HTML part's {@code <title>} static ("Overdue commitment") while the subject named the
     * promise and the account: the title is the subject now, in every mail template.
     */
    @Test
    void theHtmlPartsTitleIsTheSubject() throws Exception {
        Map<String, Object> model = new java.util.HashMap<>(Map.of(
                "recipientName", "Rob",
                "description", "Send the SSO guide",
                "words", "Send the SSO guide",
                "dueDate", java.time.LocalDate.of(2026, 12, 1),
                "accountId", 7,
                "accountName", "Brauerei Müller & Söhne",
                "ownerName", "Rita Okafor"));

        MailComposer.Mail mail = composer.compose("commitment-overdue", model);

        assertThat(mail.subject()).isEqualTo("Overdue commitment: \"Send the SSO guide\" · Brauerei Müller & Söhne");
        assertThat(mail.html())
                .contains(
                        "<title>Overdue commitment: &quot;Send the SSO guide&quot; · Brauerei Müller &amp; Söhne</title>");
        try (var templates = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/mail/html"))) {
            assertThat(templates)
                    .allSatisfy(t -> assertThat(java.nio.file.Files.readString(t))
                            .as("%s", t.getFileName())
                            .contains("<title th:text=\"${subject}\">"));
        }
    }
}
