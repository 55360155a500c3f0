package dev.baton.demo;

import dev.baton.account.Contact;
import dev.baton.demo.DemoCatalogue.Company;
import dev.baton.people.NewPerson;
import dev.baton.people.PeopleSeeding;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Team;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the sandbox with people, teams and a book of accounts to try Baton with. On by default in
 * embedded mode only ({@code baton.demo-data.enabled}); does nothing when people already exist, so
 * a second start (or a second test context on the same database) adds nothing.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "baton.demo-data.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final PeopleSeeding people;
    private final DemoBook book;
    private final DemoCommitments promises;
    private final boolean timeZones;
    private boolean loadedByThisStart;

    /** @param timeZones {@code baton.demo-data.time-zones}: people around the world (off in tests, whose dates are UTC days) */
    DemoData(
            PeopleSeeding people,
            DemoBook book,
            DemoCommitments promises,
            @Value("${baton.demo-data.time-zones:true}") boolean timeZones) {
        this.timeZones = timeZones;
        this.people = people;
        this.book = book;
        this.promises = promises;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (people.count() > 0) {
            return;
        }
        Map<String, Team> team = new LinkedHashMap<>();
        for (String[] t : new String[][] {
            {"sales-emea", "Sales EMEA"}, {"sales-na", "Sales North America"}, {"customer-success", "Customer Success"}
        }) {
            team.put(t[0], people.team(t[0], t[1]));
        }
        Person ada = person("ada", "Ada Lovelace", null, null, Role.ADMIN);
        person("olga", "Olga Reyes", null, null, Role.REVOPS); // revenue ops: playbooks, imports, reports
        Person maria = person("maria", "Maria Rossi", team.get("sales-emea"), null, Role.MANAGER);
        Person marcus = person("marcus", "Marcus Brown", team.get("sales-na"), null, Role.MANAGER);
        Map<String, Person> reps = new LinkedHashMap<>();
        reps.put("rob", person("rob", "Rob Jansen", team.get("sales-emea"), maria, Role.REP));
        reps.put("rita", person("rita", "Rita Okafor", team.get("sales-emea"), maria, Role.REP));
        reps.put("ravi", person("ravi", "Ravi Shankar", team.get("sales-na"), marcus, Role.REP));
        List<Person> cs = List.of(
                person("cora", "Cora Lindqvist", team.get("customer-success"), marcus, Role.CS),
                person("colin", "Colin O'Brien", team.get("customer-success"), marcus, Role.CS));
        if (timeZones) {
            // so the sandbox shows days and times judged where each person is: Europe, California, Australia
            inZone("Europe/Berlin", maria, reps.get("rob"), reps.get("rita"));
            inZone("America/Los_Angeles", marcus, reps.get("ravi"));
            inZone("Australia/Sydney", cs.get(0));
        }
        loadBooks(reps, cs, team.get("customer-success"));
        loadedByThisStart = true;
        log.info(
                "Demo data loaded: {} people in {} teams, {} accounts (password '{}' for all; admin: {})",
                people.count(),
                team.size(),
                DemoCatalogue.COMPANIES.size(),
                PASSWORD,
                ada.getUsername());
    }

    /** Every account, then the problems Baton is there to find, on accounts chosen to spread them over the reps. */
    private void loadBooks(Map<String, Person> reps, List<Person> cs, Team customerSuccess) {
        List<List<Contact>> contactsByAccount = new ArrayList<>();
        for (int i = 0; i < DemoCatalogue.COMPANIES.size(); i++) {
            Company company = DemoCatalogue.COMPANIES.get(i);
            Person rep = reps.get(company.rep());
            Person csOwner = cs.get(i % cs.size());
            List<Contact> contacts = book.load(i, company, rep, csOwner);
            promises.load(i, contacts.get(0).getAccount(), contacts, rep, csOwner, customerSuccess);
            contactsByAccount.add(contacts);
        }
        Contact vanLeeuwen = contactsByAccount.get(0).get(0);
        book.addDuplicateContact(
                vanLeeuwen.getAccount(), DemoCatalogue.COMPANIES.get(0).domain());
        Contact huber = contactsByAccount.get(1).get(0);
        promises.addOverdue(huber.getAccount(), huber, reps.get("rob"), cs.get(0), customerSuccess);
        Contact harrowgate = contactsByAccount.get(14).get(0);
        promises.addUnowned(harrowgate.getAccount(), harrowgate, reps.get("rita"), customerSuccess);
    }

    /** False when the database already had people: then the demo's playbooks are running already, or were never wanted. */
    boolean loadedByThisStart() {
        return loadedByThisStart;
    }

    private void inZone(String zone, Person... these) {
        for (Person p : these) {
            p.moveToTimeZone(zone);
        }
    }

    private Person person(String username, String name, Team team, Person manager, Role role) {
        return people.person(new NewPerson(
                username,
                name,
                username + "@baton.example",
                PASSWORD,
                Set.of(role),
                team == null ? null : team.getId(),
                manager == null ? null : manager.getId()));
    }
}
