package dev.baton.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.support.PostgresTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresTest
class AccountSearchTests {

    @Autowired
    Accounts accounts;

    @Autowired
    People people;

    Person rob;
    Person rita;
    Account acme;
    Account acmeLabs;
    Account percent;

    @BeforeEach
    void someAccounts() {
        rob = people.save(new Person("s-rob", "Rob", "s-rob@example.com", "x", Set.of(Role.REP)));
        rita = people.save(new Person("s-rita", "Rita", "s-rita@example.com", "x", Set.of(Role.REP)));
        acme = accounts.save(new Account("ACME Corp", rob, "Enterprise", "Benelux", null));
        acmeLabs = accounts.save(new Account("Acme Labs", rita, "SMB", "Nordics", null));
        percent = accounts.save(new Account("100% Juice", rob, "SMB", "Benelux", null));
    }

    /** The database is shared with other test classes (and the demo book): look at this test's accounts only. */
    List<Account> search(Long owner, String q, String territory, String segment) {
        List<Account> mine = List.of(acme, acmeLabs, percent);
        return accounts.findAll(new AccountSearch(owner, q, territory, segment).toSpecification()).stream()
                .filter(mine::contains)
                .toList();
    }

    @Test
    void findsANameSubstringInAnyCase() {
        assertThat(search(null, "cMe", null, null)).containsExactlyInAnyOrder(acme, acmeLabs);
    }

    @Test
    void treatsLikeWildcardsInTheSearchAsText() {
        assertThat(search(null, "0%", null, null)).containsExactly(percent);
        assertThat(search(null, "%", null, null)).containsExactly(percent);
    }

    @Test
    void combinesOwnerTerritoryAndSegment() {
        assertThat(search(rob.getId(), null, null, null)).containsExactlyInAnyOrder(acme, percent);
        assertThat(search(rob.getId(), "acme", null, null)).containsExactly(acme);
        assertThat(search(null, null, "benelux", "smb")).containsExactly(percent);
    }
}
