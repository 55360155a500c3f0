package dev.baton.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Team;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who gets a lead by its territory (found by the session 35 probe): after the sales-to-CS handoff made
 * cora (customer success) owner of a Benelux account, Benelux leads alternated between rob and cora.
 * Only the sales reps among the territory's account owners take its leads.
 */
class LeadTerritoryIntegrationTests extends LeadIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTerritorysLeadsGoToTheSalesRepAmongItsOwnersNotToCustomerSuccess() {
        Person rep = rep(true);
        Person cs = customerSuccess();
        String territory = territoryOwnedBy(rep, cs, cs); // cs owns more accounts there, and never had a lead

        List<Long> owners = List.of(ownerOf(newLead(territory)), ownerOf(newLead(territory)));

        assertThat(owners).containsOnly(rep.getId());
        assertThat(assignedHow(newLead(territory)))
                .isEqualTo(rep.getFullName() + " (owns accounts in " + territory + ")");
    }

    @Test
    void aLeadInATerritoryOwnedOnlyByPeopleWhoDoNotWorkLeadsGoesInTurnToTheSalesTeams() {
        rep(true); // someone in the sales team to take it
        Person cs = customerSuccess();
        Person outsider = rep(false); // a rep, but not in baton.leads.sales-teams
        String territory = territoryOwnedBy(cs, outsider);

        long lead = newLead(territory);

        assertThat(ownerOf(lead)).isNotIn(cs.getId(), outsider.getId());
        assertThat(assignedHow(lead)).endsWith("(next in turn in " + TEAM + ")");
    }

    /**
     * Found by the session 35 probe: "canada", "CANADA", "us east" skipped the territory's owner and went in turn
     * (a Canadian lead to a Berlin rep). A territory is matched as a lead source is: any case, spacing and dashes.
     */
    @Test
    void aTerritoryAsSomeoneElseSpellsItStillGoesToItsOwner() {
        Person owner = rep(true);
        String territory = territoryOwnedBy(owner) + " US East"; // e.g. "T-1a2b3c4d US East"
        accounts.save(new dev.baton.account.Account("Spelled " + UUID.randomUUID(), owner, null, territory, null));

        for (String spelling : List.of(
                territory.toUpperCase(),
                territory.toLowerCase(),
                "  " + territory.replace(" ", "   ") + " ",
                territory.replace(" ", "_"))) {
            assertThat(assignedHow(newLead(spelling)))
                    .as(spelling)
                    .startsWith(owner.getFullName() + " (owns accounts in ");
        }
    }

    /** A customer-success person (the CS role, in a team that is not a sales team) reporting to maria. */
    private Person customerSuccess() {
        String name = "cs" + UUID.randomUUID().toString().substring(0, 8);
        Person p = new Person(name, "Cs " + name, name + "@baton.example", passwords.encode("demo"), Set.of(Role.CS));
        p.joinTeam(teams.findByKey("customer-success").orElseGet(() -> teams.save(new Team("customer-success", "CS"))));
        p.reportTo(people.findByUsername("maria").orElseThrow());
        return people.save(p);
    }

    private long newLead(String territory) {
        Map<String, Object> body = new HashMap<>();
        body.put("company", "Company " + UUID.randomUUID());
        body.put("personName", "Pat Lead");
        body.put("email", "pat." + UUID.randomUUID() + "@example.com");
        body.put("source", "test-fast");
        body.put("territory", territory);
        return id(createLead("maria", body));
    }

    private Long ownerOf(long id) {
        return await().atMost(WAIT)
                .until(
                        () -> lead(id).getOwner() == null
                                ? null
                                : lead(id).getOwner().getId(),
                        o -> o != null);
    }

    /** The lead's first assignment as its history tells it, after "Assigned to ". */
    private String assignedHow(long id) {
        String summary = await().atMost(WAIT)
                .until(
                        () -> jdbc.queryForList(
                                "select summary from lead_activity where lead_id = ? and kind = 'ASSIGNED'",
                                String.class,
                                id),
                        s -> !s.isEmpty())
                .getFirst();
        return summary.substring("Assigned to ".length());
    }
}
