package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With no BATON_BASE_URL set, the links in Baton's mails lead to this Baton: a sandbox started on another
 * port than 8080 (here a random one) mailed links to http://localhost:8080.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailLinksIntegrationTests {

    @Autowired
    MailComposer composer;

    @LocalServerPort
    int port;

    @Test
    void linksInMailLeadToThePortBatonListensOn() {
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
                        "Acme"));

        assertThat(port).isNotEqualTo(8080);
        assertThat(mail.text()).contains("http://localhost:" + port + "/tasks/42");
        assertThat(mail.html()).contains("href=\"http://localhost:" + port + "/tasks/42\"");
    }
}
