package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.baton.support.Race;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two dispatchers (as two app instances would run) share one database and never send a row twice. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxConcurrencyTests {

    static final int MESSAGES = 300;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void twoDispatchersAtOnceSendEachMessageExactlyOnce() throws Exception {
        dispatcher.dispatch(); // leftovers of other tests, so that every row below is ours
        String domain = "conc" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            for (int i = 0; i < MESSAGES; i++) {
                outbox.enqueue(
                        domain + ":" + i,
                        "r" + i + "@" + domain,
                        null,
                        "Message " + i,
                        "text " + i,
                        "<p>" + i + "</p>");
            }
        });

        int attempted = runTwiceAtOnce();

        assertThat(attempted).isEqualTo(MESSAGES);
        MimeMessage[] received = greenMail.getReceivedMessagesForDomain(domain);
        assertThat(received).hasSize(MESSAGES);
        assertThat(Arrays.stream(received).map(OutboxConcurrencyTests::subject).distinct())
                .hasSize(MESSAGES);
        assertThat(jdbc.sql(
                                "select count(*) from outbox_message where dedup_key like ? and status = 'SENT' and attempts = 1")
                        .param(domain + ":%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(MESSAGES);
    }

    private int runTwiceAtOnce() throws Exception {
        return Race.twiceAtOnce(() -> dispatcher.dispatch()).stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
