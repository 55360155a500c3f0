package dev.baton.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.handover.HandoverFixture;
import dev.baton.people.Person;
import dev.baton.people.Role;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A rep whose handover for leaving has completed stays active until their leaving day but gets no
 * new lead, by territory or in turn (found by the session 28 probe: "Assigned to Rob Jansen (next in
 * turn …)" after his handover): it would be orphaned on that day.
 */
class LeadToLeaverIntegrationTests extends LeadIntegrationTest {

    @Autowired
    ApplicationContext context;

    Person leaver;

    @BeforeEach
    void robIsLeaving() {
        rep(true); // someone else to take the leads
        // first in the sales team's turn: never given a lead, and first by user name among those
        String name = "aaa-leaving-" + UUID.randomUUID().toString().substring(0, 8);
        Person p = new Person(name, "Rob " + name, name + "@baton.example", passwords.encode("demo"), Set.of(Role.REP));
        p.joinTeam(teams.findAll().stream()
                .filter(t -> t.getKey().equals(TEAM))
                .findFirst()
                .orElseThrow());
        p.reportTo(people.findByUsername("maria").orElseThrow());
        leaver = people.save(p);
        new HandoverFixture(context).leaving(leaver, LocalDate.now().plusDays(7));
    }

    @Test
    void theRoundRobinSkipsARepWhoIsLeaving() {
        long id = id(createLead("maria", lead(null)));

        assertThat(ownerOf(id)).isNotEqualTo(leaver.getId());
    }

    @Test
    void aLeadInTheTerritoryOfARepWhoIsLeavingGoesToTheSalesTeamInstead() {
        long id = id(createLead("maria", lead(territoryOwnedBy(leaver))));

        assertThat(ownerOf(id)).isNotEqualTo(leaver.getId());
    }

    private Long ownerOf(long id) {
        return await().atMost(WAIT)
                .until(
                        () -> lead(id).getOwner() == null
                                ? null
                                : lead(id).getOwner().getId(),
                        o -> o != null);
    }

    private static Map<String, Object> lead(String territory) {
        Map<String, Object> body = new HashMap<>();
        body.put("company", "Company " + UUID.randomUUID());
        body.put("personName", "Pat Lead");
        body.put("email", "pat." + UUID.randomUUID() + "@example.com");
        body.put("source", "test-fast");
        if (territory != null) {
            body.put("territory", territory);
        }
        return body;
    }
}
