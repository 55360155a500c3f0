package dev.baton.demo;

import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Team;
import dev.baton.people.Teams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
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

  private final People people;
  private final Teams teams;
  private final PasswordEncoder passwords;

  DemoData(People people, Teams teams, PasswordEncoder passwords) {
    this.people = people;
    this.teams = teams;
    this.passwords = passwords;
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
      team.put(t[0], teams.save(new Team(t[0], t[1])));
    }
    Person ada = person("ada", "Ada Lovelace", null, null, Role.ADMIN);
    Person maria = person("maria", "Maria Rossi", team.get("sales-emea"), null, Role.MANAGER);
    Person marcus = person("marcus", "Marcus Brown", team.get("sales-na"), null, Role.MANAGER);
    person("rob", "Rob Jansen", team.get("sales-emea"), maria, Role.REP);
    person("rita", "Rita Okafor", team.get("sales-emea"), maria, Role.REP);
    person("ravi", "Ravi Shankar", team.get("sales-na"), marcus, Role.REP);
    person("cora", "Cora Lindqvist", team.get("customer-success"), marcus, Role.CS);
    person("colin", "Colin O'Brien", team.get("customer-success"), marcus, Role.CS);
    log.info("Demo data loaded: {} people in {} teams (password '{}' for all; admin: {})",
        people.count(), team.size(), PASSWORD, ada.getUsername());
  }

  private Person person(String username, String name, Team team, Person manager, Role role) {
    Person p = new Person(username, name, username + "@baton.example", passwords.encode(PASSWORD), Set.of(role));
    p.joinTeam(team);
    p.reportTo(manager);
    return people.save(p);
  }
}
