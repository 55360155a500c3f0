package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.account.Contact;
import dev.baton.account.Contacts;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.Commitments;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.shared.Dates;
import dev.baton.task.Task;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What a handover writes: the note's first draft (true sentences in required fields, days in the
 * writer's zone and Baton's one format) and the promises in the customer's introduction (true on the
 * day it goes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HandoverWordingIntegrationTests {

    @Autowired
    HandoverNoteDraft draft;

    @Autowired
    Accounts accounts;

    @Autowired
    Contacts contacts;

    @Autowired
    People people;

    @Autowired
    HandoverMails mails;

    @Autowired
    Commitments commitments;

    /**
     * The customer reads each promise as it stands today, whoever delivers it (customer success owns many):
     * a late one is late, one delivered late shows no missed date as if still to come ("by Mon 23 Nov" on 5
     * Dec), and none is claimed as the successor's own ("it is mine now", found by the session 40 probe on
     * promises customer success owned).
     */
    @Test
    void theIntroductionSaysALatePromiseIsLateShowsNoPastDateAsToComeAndClaimsNoneAsTheSuccessors() {
        Person successor = person("UTC");
        Person cs = person("UTC");
        Account account = accounts.save(new Account("Owed " + successor.getUsername(), successor, null, null, null));
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        commitments.save(new Commitment(account, null, "Training", successor, cs, null, today.minusDays(3)));
        commitments.save(new Commitment(account, null, "SSO guide", successor, successor, null, today.plusDays(4)));
        Commitment rejected =
                new Commitment(account, null, "Price hold", successor, successor, null, today.plusDays(9));
        rejected.reject("finance said no");
        commitments.save(rejected);
        Commitment deliveredLate =
                new Commitment(account, null, "Revised SLA proposal", successor, cs, null, today.minusDays(12));
        deliveredLate.accept();
        deliveredLate.deliver("sent to the CFO");
        commitments.save(deliveredLate);
        Dates dates = Dates.fixed(java.time.Clock.systemUTC(), ZoneId.of("UTC"));

        assertThat(mails.promises(account.getId(), ZoneId.of("UTC")))
                .containsExactlyInAnyOrder(
                        "Training, which was due on " + dates.day(today.minusDays(3))
                                + ": it is late, and I am sorry; I will come back to you with a date we can keep",
                        "SSO guide, by " + dates.day(today.plusDays(4)),
                        "Price hold (we need to agree new terms with you: I will be in touch)",
                        "Revised SLA proposal (delivered: I will check with you that it works as promised)")
                .noneMatch(line -> line.contains("mine") || line.contains("stands") || line.contains("same date"))
                .noneMatch(line -> line.contains(dates.day(today.minusDays(12))));
    }

    @Test
    void anAccountWithNothingOpenSaysSoInTheRequiredField() {
        Person writer = person("Europe/Berlin");
        Account account = accounts.save(new Account("Quiet " + writer.getUsername(), writer, null, null, null));

        Map<String, Object> note = draft.defaults(noteTask(account, writer));

        assertThat(note.get("openCommitmentsAndRisks")).isEqualTo("No open commitments or open tasks.");
    }

    @Test
    void daysAreTheWritersInOneFormat() {
        Person sydney = person("Australia/Sydney");
        Person losAngeles = person("America/Los_Angeles");
        Account account = accounts.save(new Account("Dated " + sydney.getUsername(), sydney, null, null, null));
        Contact ana = new Contact(
                account, "Ana Dated", "CFO", "ana-" + sydney.getUsername() + "@customer.example", null, "mail");
        ana.verifiedAt(Instant.parse("2027-03-27T20:00:00Z")); // Sunday morning in Sydney, Saturday noon in LA
        contacts.save(ana);

        assertThat((String) draft.defaults(noteTask(account, sydney)).get("keyContacts"))
                .contains("verified Sun 28 Mar 2027");
        assertThat((String) draft.defaults(noteTask(account, losAngeles)).get("keyContacts"))
                .contains("verified Sat 27 Mar 2027");
    }

    private static Task noteTask(Account account, Person assignee) {
        Task task = mock(Task.class);
        when(task.getId()).thenReturn(-1L);
        when(task.getAccountId()).thenReturn(account.getId());
        when(task.getAssignee()).thenReturn(assignee.getUsername());
        return task;
    }

    private Person person(String zone) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person p = new Person("nd-" + tag, "Note Author " + tag, "nd-" + tag + "@baton.example", "x", Set.of(Role.REP));
        p.moveToTimeZone(zone);
        return people.save(p);
    }
}
