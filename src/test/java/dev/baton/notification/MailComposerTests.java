package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailComposerTests {

  private final MailComposer composer =
      new MailComposer(new MailSettings("Baton <baton@baton.local>", URI.create("https://baton.example/"),
          Duration.ofSeconds(5), false, 8, Duration.ofSeconds(30)));

  @Test
  void rendersSubjectTextAndHtmlFromTheSameModel() {
    MailComposer.Mail mail = composer.compose("task-assigned", Map.of(
        "recipientName", "Rob", "taskName", "Write the handover note", "taskId", 42,
        "accountName", "Brauerei Müller & Söhne", "dueAt", LocalDateTime.of(2026, 12, 1, 17, 0)));

    assertThat(mail.subject()).isEqualTo("New task: Write the handover note · Brauerei Müller & Söhne");
    assertThat(mail.text())
        .startsWith("Hello Rob,")
        .contains("for Brauerei Müller & Söhne.", "Due: Tuesday 1 December 2026, 17:00", "https://baton.example/tasks/42");
    assertThat(mail.html())
        .contains("Brauerei Müller &amp; Söhne", "href=\"https://baton.example/tasks/42\"");
  }

  @Test
  void escapesWhatCustomersTypedInTheHtmlPart() {
    MailComposer.Mail mail = composer.compose("task-assigned",
        Map.of("recipientName", "<script>alert(1)</script>", "taskName", "Call", "taskId", 1));

    assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;");
    assertThat(mail.subject()).isEqualTo("New task: Call");
    assertThat(mail.text()).doesNotContain("Due:");
  }

  @Test
  void saysWhichTemplateIsMissing() {
    assertThatThrownBy(() -> composer.compose("no-such-mail", Map.of()))
        .hasMessageContaining("no-such-mail");
  }
}
