package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Team;
import dev.baton.people.Teams;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The inbox's pages: each page in due order, with the total of the whole inbox, past the end too. */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class InboxPagingIntegrationTests extends InboxTest {

    @Autowired
    People people;

    @Autowired
    Teams teams;

    @Test
    void pagesOfTheInboxCarryTheWholeInboxsTotalAndTheirRowsCandidates() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.save(new Team("pg-" + tag, "Paging " + tag));
        Person me = new Person("pg-" + tag, "Pat " + tag, "pg-" + tag + "@example.com", "{noop}demo", Set.of(Role.REP));
        me.joinTeam(team);
        people.save(me);
        Instant soon = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // in my inbox, by due date: mine, my team's unclaimed, one offered to me by name; not: claimed by rob
        long mine1 = task(me.getUsername(), Set.of(), Set.of(), soon.plusSeconds(1));
        long teams1 = task(null, Set.of(team.getKey()), Set.of(), soon.plusSeconds(2));
        long byName = task(null, Set.of(), Set.of(me.getUsername()), soon.plusSeconds(3));
        long mine2 = task(me.getUsername(), Set.of(), Set.of(), soon.plusSeconds(4));
        long teams2 = task(null, Set.of(team.getKey()), Set.of(), soon.plusSeconds(5));
        task("rob", Set.of(team.getKey()), Set.of(), soon);

        Map first = page(me, 0);
        Map second = page(me, 1);
        Map third = page(me, 2);
        Map pastTheEnd = page(me, 3);

        assertThat(List.of(first, second, third, pastTheEnd))
                .allSatisfy(p -> assertThat(p.get("totalElements")).isEqualTo(5));
        assertThat(ids(first)).containsExactly((int) mine1, (int) teams1);
        assertThat(ids(second)).containsExactly((int) byName, (int) mine2);
        assertThat(ids(third)).containsExactly((int) teams2);
        assertThat(ids(pastTheEnd)).isEmpty();
        assertThat(((List<Map>) second.get("content")).get(0).get("candidateUsers"))
                .isEqualTo(List.of(me.getUsername()));
        assertThat(((List<Map>) first.get("content")).get(1).get("candidateGroups"))
                .isEqualTo(List.of(team.getKey()));
    }

    private Map page(Person me, int page) {
        return as(me.getUsername())
                .getForObject("/api/tasks?scope=inbox&size=2&playbook=inbox-paging&page=" + page, Map.class);
    }

    private static List<Object> ids(Map page) {
        return ((List<Map>) page.get("content")).stream().map(t -> t.get("id")).toList();
    }

    private long task(String assignee, Set<String> groups, Set<String> users, Instant due) {
        return taskService
                .upsert(new TaskSpec(
                        ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE),
                        1,
                        2,
                        "inbox-paging",
                        1,
                        "task_follow_up",
                        "Follow up",
                        assignee,
                        groups,
                        null,
                        due,
                        null,
                        null,
                        null,
                        false,
                        true,
                        users,
                        null,
                        null,
                        null,
                        false))
                .getId();
    }
}
