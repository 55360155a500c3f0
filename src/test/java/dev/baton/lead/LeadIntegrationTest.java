package dev.baton.lead;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Team;
import dev.baton.people.Teams;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import dev.baton.task.TaskSubject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * The app with the lead settings these tests need: every hour of every day is working time (so a
 * one-hour SLA is an hour of engine time, whenever the suite runs), a one-hour SLA for the source
 * {@code test-fast}, and a sales team of the tests' own. These settings give the lead tests a
 * Spring context (and engine) of their own, so moving its engine clock cannot fire another test's timers.
 */
@TestPropertySource(
        properties = {
            "baton.leads.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
            "baton.leads.workday-starts=00:00",
            "baton.leads.workday-ends=23:59:59.999999999",
            "baton.leads.first-touch.test-fast=PT1H",
            "baton.leads.remind-before=PT15M",
            "baton.leads.reassign-after=PT1H",
            "baton.leads.sales-teams=" + LeadIntegrationTest.TEAM
        })
abstract class LeadIntegrationTest extends EngineIntegrationTest {

    static final String TEAM = "lead-test-reps";

    @Autowired
    protected People people;

    @Autowired
    protected Teams teams;

    @Autowired
    protected Accounts accounts;

    @Autowired
    protected PasswordEncoder passwords;

    @Autowired
    protected OutboxDispatcher dispatcher;

    @Autowired
    protected GreenMail greenMail;

    @Autowired
    protected Leads leads;

    /** A new active rep reporting to maria (password "demo"), in the tests' sales team when {@code inTeam}. */
    protected Person rep(boolean inTeam) {
        String name = "rep" + UUID.randomUUID().toString().substring(0, 8);
        Person p = new Person(name, "Rep " + name, name + "@baton.example", passwords.encode("demo"), Set.of(Role.REP));
        if (inTeam) {
            p.joinTeam(teams.findAll().stream()
                    .filter(t -> t.getKey().equals(TEAM))
                    .findFirst()
                    .orElseGet(() -> teams.save(new Team(TEAM, "Lead test reps"))));
        }
        p.reportTo(people.findByUsername("maria").orElseThrow());
        return people.save(p);
    }

    /** A territory of its own whose accounts these people own. */
    protected String territoryOwnedBy(Person... owners) {
        String territory = "T-" + UUID.randomUUID().toString().substring(0, 8);
        for (Person owner : owners) {
            accounts.save(new Account("Territory account " + UUID.randomUUID(), owner, null, territory, null));
        }
        return territory;
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> createLead(String user, Map<String, Object> body) {
        return as(user).postForObject("/api/leads", body, Map.class);
    }

    protected Lead lead(long id) {
        return leads.findById(id).orElseThrow();
    }

    /** The lead's open step of that element, once its row exists and its job lock is extended. */
    protected Task awaitOpenTask(long leadId, String elementId) {
        return awaitOpenTask(leadId, elementId, null);
    }

    /** As {@link #awaitOpenTask(long, String)}, assigned to {@code assignee} (null: anyone). */
    protected Task awaitOpenTask(long leadId, String elementId, String assignee) {
        return await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> new TaskSubject("lead", leadId).equals(t.getSubject())
                                        && t.getElementId().equals(elementId)
                                        && t.getStatus() == TaskStatus.OPEN
                                        && (assignee == null || assignee.equals(t.getAssignee()))
                                        && t.getLockExpiresAt()
                                                .isAfter(Instant.now().plus(Duration.ofDays(1))))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    /** Subjects of the mails sent to {@code address}, after sending whatever the outbox holds. */
    protected List<String> mailsTo(String address) {
        dispatcher.dispatch();
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .map(LeadIntegrationTest::subject)
                .toList();
    }

    private static String recipients(Message m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(Message m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
