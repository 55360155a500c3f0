package dev.baton.demo;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.account.Contact;
import dev.baton.account.Contacts;
import dev.baton.account.Interaction;
import dev.baton.account.InteractionKind;
import dev.baton.account.Interactions;
import dev.baton.demo.DemoCatalogue.Company;
import dev.baton.demo.DemoCatalogue.Names;
import dev.baton.people.Person;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The reps' books: accounts with their team, contacts and timeline. Varied by the account's index,
 * not at random, so every sandbox (and every test) sees the same data. Contact data decays on
 * purpose: some contacts were verified over a year ago, some never, and one person is on file twice.
 */
@Component
class DemoBook {

    private static final List<String> CALLS = List.of(
            "Quarterly check-in with %s: happy with the rollout, asked about pricing for a second site.",
            "Call with %s about the renewal: budget approval expected next month.");
    private static final List<String> MEETINGS = List.of(
            "On-site meeting with %s and the project team: agreed the next milestones.",
            "Business review with %s: usage up 18 %%, two support tickets still open.");
    private static final List<String> EMAILS = List.of(
            "Sent %s the updated proposal and the security questionnaire.",
            "%s asked for invoices to go to the new accounts-payable address.");
    private static final List<String> NOTES = List.of(
            "Budget freeze until the new fiscal year: no upsell before then. (%s)",
            "%s moves to a new role in spring: we need a second champion.");

    private final Accounts accounts;
    private final Contacts contacts;
    private final Interactions interactions;
    private final Clock clock;

    DemoBook(Accounts accounts, Contacts contacts, Interactions interactions, Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.interactions = interactions;
        this.clock = clock;
    }

    /** Creates the account of {@code company} with contacts and timeline; returns its contacts. */
    List<Contact> load(int index, Company company, Person owner, Person customerSuccess) {
        LocalDate renewal = LocalDate.now(clock).plusDays(10 + index * 355L / DemoCatalogue.COMPANIES.size());
        Account account = new Account(company.name(), owner, company.segment(), company.territory(), renewal);
        account.replaceAccountTeam(Set.of(owner, customerSuccess));
        accounts.save(account);
        List<Contact> people = new ArrayList<>();
        for (int k = 0; k < 2 + index % 3; k++) {
            people.add(contact(account, company, index, k));
        }
        people.get(0).markPrimary(true);
        timeline(index, account, people, owner);
        return people;
    }

    /** The same person twice, typed in by two different reps: different spelling, different case. */
    void addDuplicateContact(Account account, String domain) {
        Contact first = new Contact(
                account,
                "Jan-Willem van der Berg",
                "Logistics Director",
                "janwillem.vanderberg@" + domain,
                "+31 10 555 0199",
                "Goes by JW");
        Contact second = new Contact(
                account,
                "Jan Willem v.d. Berg",
                "Director Logistics",
                "JanWillem.vanderBerg@" + domain,
                "+31 6 5555 0199",
                null);
        first.verifiedAt(clock.instant().minus(Duration.ofDays(40)));
        contacts.saveAll(List.of(first, second));
    }

    private Contact contact(Account account, Company company, int index, int k) {
        Names names = DemoCatalogue.namesFor(company.territory());
        String first = names.first().get((index * 3 + k) % names.first().size());
        String last = names.last().get((index * 5 + k * 2) % names.last().size());
        int n = index * 4 + k;
        Contact contact = new Contact(
                account,
                first + " " + last,
                DemoCatalogue.TITLES.get(n % DemoCatalogue.TITLES.size()),
                emailOf(first, last, company.domain()),
                company.phonePrefix() + " " + String.format("%04d", 100 + n),
                DemoCatalogue.PREFERENCES.get(n % DemoCatalogue.PREFERENCES.size()));
        Instant verified = lastVerified(n);
        if (verified != null) {
            contact.verifiedAt(verified);
        }
        return contacts.save(contact);
    }

    /** Every seventh contact was never verified, every fifth not within the last year. */
    private Instant lastVerified(int n) {
        if (n % 7 == 3) {
            return null;
        }
        long daysAgo = n % 5 == 1 ? 400 + (n * 13L) % 300 : 5 + (n * 17L) % 330;
        return clock.instant().minus(Duration.ofDays(daysAgo));
    }

    private void timeline(int index, Account account, List<Contact> people, Person owner) {
        int count = 3 + index % 4;
        for (int j = 0; j < count; j++) {
            InteractionKind kind = InteractionKind.values()[(index + j) % InteractionKind.values().length];
            Contact contact = people.get(j % people.size());
            String firstName = contact.getFullName().split(" ")[0];
            String summary = summaries(kind).get((index + j) % 2).formatted(firstName);
            Instant at = clock.instant()
                    .minus(Duration.ofDays(3 + (long) j * 170 / count + index % 5))
                    .minus(Duration.ofHours(j));
            interactions.save(
                    new Interaction(account, kind == InteractionKind.NOTE ? null : contact, kind, summary, owner, at));
        }
    }

    private static List<String> summaries(InteractionKind kind) {
        return switch (kind) {
            case CALL -> CALLS;
            case MEETING -> MEETINGS;
            case EMAIL -> EMAILS;
            case NOTE -> NOTES;
        };
    }

    /** first.last@domain in plain ASCII, the way most mail systems would have created it. */
    static String emailOf(String first, String last, String domain) {
        String ascii = Normalizer.normalize(first + "." + last, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ß", "ss")
                .replace("ø", "o")
                .replace("Ø", "O")
                .replace("æ", "ae")
                .replace("ł", "l");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "") + "@" + domain;
    }
}
