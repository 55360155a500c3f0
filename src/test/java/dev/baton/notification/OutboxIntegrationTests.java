package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against the embedded PostgreSQL and the app's embedded GreenMail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxIntegrationTests {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    OutboxMessages messages;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MailSettings settings;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    FailedMail failedMail;

    @Autowired
    JdbcTemplate jdbc;

    TransactionTemplate transactions;
    String domain;

    @BeforeEach
    void setUp() {
        transactions = new TransactionTemplate(transactionManager);
        domain = "c" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        dispatcher.dispatch(); // whatever other tests left behind, so the counts below are ours
    }

    @Test
    void deliversACommittedMailOnceWithTextAndHtmlToEveryRecipient() throws Exception {
        String key = "test:" + domain;
        transactions.executeWithoutResult(tx -> {
            assertThat(outbox.enqueue(
                            key, "anna@" + domain, "jan@" + domain, "Hallo Anna", "plain body", "<p>html body</p>"))
                    .isTrue();
            assertThat(outbox.enqueue(key, "anna@" + domain, null, "again", "again", null))
                    .isFalse();
        });

        assertThat(dispatcher.dispatch()).isEqualTo(1);
        assertThat(dispatcher.dispatch()).isZero();

        MimeMessage[] received = greenMail.getReceivedMessagesForDomain(domain);
        assertThat(received).hasSize(2); // one copy in each recipient's mailbox
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Hallo Anna");
        assertThat(mail.getRecipients(RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly("anna@" + domain);
        assertThat(mail.getRecipients(RecipientType.CC))
                .extracting(Object::toString)
                .containsExactly("jan@" + domain);
        OutboxMessage row = messages.findByDedupKey(key).orElseThrow();
        assertThat(mail.getMessageID()).isEqualTo(dispatcher.messageId(row));
        assertThat(partsOf(mail)).contains("text/plain", "plain body", "text/html", "<p>html body</p>");
        assertThat(row.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(row.getAttempts()).isEqualTo(1);
    }

    /**
     * A subject longer than its column (a long step or playbook name in it; commitment subjects now quote
     * the commitment's words too) was an insert the database refused, failing whatever step mailed it:
     * it is cut to fit, with an ellipsis, and the mail goes out.
     */
    @Test
    void aSubjectLongerThanItsColumnIsCutToFitAndTheMailGoesOut() throws Exception {
        String key = "test:" + domain;
        String subject = "New task: " + "Review the renewal terms ".repeat(40);
        transactions.executeWithoutResult(
                tx -> assertThat(outbox.enqueue(key, "anna@" + domain, null, subject, "body", null))
                        .isTrue());

        assertThat(dispatcher.dispatch()).isEqualTo(1);
        String received = greenMail.getReceivedMessagesForDomain(domain)[0].getSubject();
        assertThat(received).startsWith("New task: Review the renewal terms").endsWith("…");
        assertThat(received.length()).isLessThanOrEqualTo(Outbox.SUBJECT_LENGTH);
    }

    @Test
    void sendsNothingWhenTheCallersTransactionRollsBack() {
        transactions.executeWithoutResult(tx -> {
            outbox.enqueue("test:" + domain, "anna@" + domain, null, "never", "never", null);
            tx.setRollbackOnly();
        });

        dispatcher.dispatch();

        assertThat(messages.findByDedupKey("test:" + domain)).isEmpty();
        assertThat(greenMail.getReceivedMessagesForDomain(domain)).isEmpty();
    }

    @Test
    void refusesToEnqueueOutsideATransaction() {
        assertThatThrownBy(() -> outbox.enqueue("test:" + domain, "anna@" + domain, null, "s", "t", null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void backsOffWhileTheMailServerIsDownAndDeliversWhenItIsBack() {
        String key = enqueue();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(1); // PostgreSQL keeps microseconds
        Duration backoff = settings.firstBackoff();

        assertThat(dispatcherAt(t0, unreachableServer(), settings).dispatch()).isEqualTo(1);
        OutboxMessage afterFirst = messages.findByDedupKey(key).orElseThrow();
        assertThat(afterFirst.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(afterFirst.getLastError()).isNotBlank();
        assertThat(afterFirst.getNextAttemptAt()).isEqualTo(t0.plus(backoff));

        assertThat(dispatcherAt(t0, unreachableServer(), settings).dispatch())
                .as("not due yet")
                .isZero();
        Instant t1 = t0.plus(backoff);
        dispatcherAt(t1, unreachableServer(), settings).dispatch();
        assertThat(messages.findByDedupKey(key).orElseThrow().getNextAttemptAt())
                .isEqualTo(t1.plus(backoff.multipliedBy(2)));

        assertThat(dispatcherAt(t1.plus(backoff.multipliedBy(2)), mailSender, settings)
                        .dispatch())
                .isEqualTo(1);
        OutboxMessage sent = messages.findByDedupKey(key).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(3);
        assertThat(greenMail.getReceivedMessagesForDomain(domain)).hasSize(1);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        String key = enqueue();
        MailSettings twoAttempts = new MailSettings(
                settings.from(), settings.baseUrl(), settings.dispatchDelay(), false, 2, Duration.ofMinutes(1));
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(1); // PostgreSQL keeps microseconds

        dispatcherAt(t0, unreachableServer(), twoAttempts).dispatch();
        dispatcherAt(t0.plusSeconds(60), unreachableServer(), twoAttempts).dispatch();

        OutboxMessage failed = messages.findByDedupKey(key).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(2);
        assertThat(dispatcherAt(t0.plusSeconds(3600), mailSender, twoAttempts).dispatch())
                .isZero();
    }

    @Test
    void aMailThatFailedForGoodIsListedForAdminsAndGoesOutWhenSentAgainToACorrectedAddress() {
        String key = enqueue();
        MailSettings oneAttempt = new MailSettings(
                settings.from(), settings.baseUrl(), settings.dispatchDelay(), false, 1, settings.firstBackoff());
        dispatcherAt(Instant.now(), unreachableServer(), oneAttempt).dispatch();
        OutboxMessage failed = messages.findByDedupKey(key).orElseThrow();
        assertThat(failedMail.list())
                .filteredOn(m -> m.id() == failed.getId())
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.to()).isEqualTo("anna@" + domain);
                    assertThat(m.lastError()).contains("Connect");
                    assertThat(m.attempts()).isEqualTo(1);
                });
        assertThatThrownBy(() -> failedMail.retry(failed.getId(), "jörg@" + domain))
                .isInstanceOf(dev.baton.shared.BadRequestException.class);
        String tooLong = "a".repeat(255 - 1 - domain.length()) + "@" + domain;
        assertThatThrownBy(() -> failedMail.retry(failed.getId(), tooLong))
                .as("255 characters: refused at the field, not by the database's varchar(254)")
                .isInstanceOf(dev.baton.shared.BadRequestException.class)
                .hasMessageContaining("at most 254 characters");

        transactions.executeWithoutResult(tx -> failedMail.retry(failed.getId(), "jan@" + domain));

        assertThatThrownBy(() -> failedMail.retry(failed.getId(), null))
                .as("only a failed mail is sent again")
                .isInstanceOf(dev.baton.shared.ConflictException.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'mail.retried' and entity_id = ?",
                        Long.class,
                        failed.getId()))
                .isEqualTo(1);
        assertThat(dispatcher.dispatch()).isEqualTo(1);
        OutboxMessage sent = messages.findByDedupKey(key).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.getRetriedAt()).isNotNull();
        assertThat(greenMail.getReceivedMessagesForDomain(domain))
                .singleElement()
                .satisfies(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo("jan@" + domain));
        assertThat(failedMail.list()).noneMatch(m -> m.id() == failed.getId());
    }

    @Test
    void aBrokenMessageDoesNotHoldUpTheOthers() {
        transactions.executeWithoutResult(tx -> {
            outbox.enqueue("broken:" + domain, "Anna <anna@" + domain, null, "s", "t", null);
            outbox.enqueue("fine:" + domain, "jan@" + domain, null, "s", "t", null);
        });
        MailSettings oneAttempt = new MailSettings(
                settings.from(), settings.baseUrl(), settings.dispatchDelay(), false, 1, settings.firstBackoff());

        assertThat(dispatcherAt(Instant.now(), mailSender, oneAttempt).dispatch())
                .isEqualTo(2);

        assertThat(messages.findByDedupKey("broken:" + domain).orElseThrow().getStatus())
                .isEqualTo(OutboxStatus.FAILED);
        assertThat(messages.findByDedupKey("fine:" + domain).orElseThrow().getStatus())
                .isEqualTo(OutboxStatus.SENT);
        assertThat(greenMail.getReceivedMessagesForDomain(domain)).hasSize(1);
    }

    @Test
    void aWithdrawnMailIsNeverSentAndOnlyTheKeysNamedAreWithdrawn() throws Exception {
        String d = domain;
        transactions.executeWithoutResult(tx -> {
            outbox.enqueue("w-assigned:42:1:" + d, "a@" + d, null, "assigned 42", "b", null);
            outbox.enqueue("w-assigned:420:1:" + d, "b@" + d, null, "assigned 420", "b", null);
            outbox.enqueue("w-reminder:42" + d, "c@" + d, null, "reminder 42", "b", null);
            outbox.enqueue("w-reminder:42" + d + "0", "d@" + d, null, "reminder 420", "b", null);
        });
        Integer withdrawn =
                transactions.execute(tx -> outbox.withdraw(List.of("w-reminder:42" + d), List.of("w-assigned:42:")));
        dispatcher.dispatch();

        assertThat(withdrawn).isEqualTo(2);
        assertThat(Arrays.stream(greenMail.getReceivedMessagesForDomain(d))
                        .map(OutboxIntegrationTests::subjectOf)
                        .toList())
                .containsExactlyInAnyOrder("assigned 420", "reminder 420");
        assertThat(messages.findByDedupKey("w-assigned:42:1:" + d).orElseThrow().getStatus())
                .isEqualTo(OutboxStatus.WITHDRAWN);
        // a mail already sent stays sent
        Integer afterSending = transactions.execute(tx -> outbox.withdraw(List.of(), List.of("w-assigned:420:")));
        assertThat(afterSending).isZero();
    }

    @Test
    void aWithdrawalByPrefixReadsTheQueuedMailsFromAnIndexNotTheWholeOutbox() {
        // the plan at a realistic size, on a copy of the outbox with its indexes (dropped at commit), so
        // the shared test database's outbox stays as it is: 20,000 queued mails, as a benchmark's
        // handovers leave with no dispatcher running. Before V52 each withdrawal read all of them
        List<String> plan = transactions.execute(tx -> {
            jdbc.execute("create temporary table outbox_plan (like outbox_message including all) on commit drop");
            jdbc.execute("insert into outbox_plan (dedup_key, to_address, subject, text_body, status)"
                    + " select 'task-assigned:' || g || ':created', 'a@example.com', 's', 't', 'PENDING'"
                    + " from generate_series(1, 20000) g");
            jdbc.execute("analyze outbox_plan");
            return jdbc.queryForList(
                    "explain " + Outbox.withdrawal(2).replace("outbox_message", "outbox_plan"),
                    String.class,
                    Outbox.withdrawalParams(
                            List.of("task-assigned:1:created"), List.of("task-assigned:2:", "task-assigned:3:")));
        });

        assertThat(String.join("\n", plan)).doesNotContain("Seq Scan");
        assertThat(plan.stream().filter(line -> line.contains("Index Cond") && line.contains(">= 'task-assigned:")))
                .as("each prefix read as its range of the index of queued mails, in %s", plan)
                .hasSize(2)
                .anyMatch(line -> line.contains("< 'task-assigned:2;'"))
                .anyMatch(line -> line.contains("< 'task-assigned:3;'"));
    }

    @Test
    void aWithdrawalByPrefixMatchesTheKeysStartingWithItAndNoOthers() throws Exception {
        String d = domain;
        // neighbours in byte order on either side of the prefix's range, and a key with a non-ASCII end
        transactions.executeWithoutResult(tx -> {
            outbox.enqueue("w-range:9:" + d, "a@" + d, null, "inside", "b", null);
            outbox.enqueue("w-range:9" + d, "b@" + d, null, "no separator", "b", null);
            outbox.enqueue("w-range:9;" + d, "c@" + d, null, "just past", "b", null);
            outbox.enqueue("w-range:8:" + d, "e@" + d, null, "just before", "b", null);
            outbox.enqueue("w-range:é:1" + d, "f@" + d, null, "accented", "b", null);
            outbox.enqueue("w-range:ê:1" + d, "g@" + d, null, "next letter", "b", null);
        });
        Integer withdrawn = transactions.execute(tx -> outbox.withdraw(List.of(), List.of("w-range:9:", "w-range:é:")));
        dispatcher.dispatch();

        assertThat(withdrawn).isEqualTo(2);
        assertThat(Arrays.stream(greenMail.getReceivedMessagesForDomain(d))
                        .map(OutboxIntegrationTests::subjectOf)
                        .toList())
                .containsExactlyInAnyOrder("no separator", "just past", "just before", "next letter");
    }

    @Test
    void aWithdrawnMailNoLongerHoldsItsKeyButAQueuedOneStillDoes() throws Exception {
        String key = "w-again:" + domain;
        transactions.executeWithoutResult(tx -> {
            outbox.enqueue(key, "a@" + domain, null, "first", "b", null);
            outbox.withdraw(List.of(key), List.of());
        });
        Boolean again = transactions.execute(tx -> outbox.enqueue(key, "a@" + domain, null, "again", "b", null));
        Boolean twice = transactions.execute(tx -> outbox.enqueue(key, "a@" + domain, null, "twice", "b", null));
        dispatcher.dispatch();

        assertThat(again).isTrue();
        assertThat(twice).isFalse();
        assertThat(Arrays.stream(greenMail.getReceivedMessagesForDomain(domain))
                        .map(OutboxIntegrationTests::subjectOf)
                        .toList())
                .containsExactly("again");
        assertThat(outbox.statusOf(List.of(key))).containsEntry(key, OutboxStatus.SENT);
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String enqueue() {
        String key = "test:" + domain;
        transactions.executeWithoutResult(tx -> outbox.enqueue(key, "anna@" + domain, null, "s", "t", "<p>h</p>"));
        return key;
    }

    private OutboxDispatcher dispatcherAt(Instant now, JavaMailSender sender, MailSettings mailSettings) {
        return new OutboxDispatcher(
                messages, sender, transactionManager, mailSettings, Clock.fixed(now, ZoneOffset.UTC), events);
    }

    /** Port 1 on loopback: nothing listens there, so the connection is refused at once. */
    private static JavaMailSender unreachableServer() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(1);
        return sender;
    }

    /** Content type and content of every leaf part. */
    private static String partsOf(Part part) throws Exception {
        if (part.getContent() instanceof MimeMultipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(partsOf(multipart.getBodyPart(i)));
            }
            return all.toString();
        }
        return part.getContentType() + "\n" + part.getContent() + "\n";
    }
}
