package dev.baton.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.people.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Which account a lead's company already has ({@link AccountLookup#accountOf}): its name in any case and
 * spacing. Session 36's probe booked a meeting with a lead typed "cascade  timber co." (two spaces): a second
 * account was made beside "Cascade Timber Co.", and its owner was not told.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountLookupIntegrationTests {

    @Autowired
    AccountLookup lookup;

    @Autowired
    Accounts accounts;

    @Autowired
    People people;

    @Test
    void aCompanyMatchesItsAccountInAnyCaseAndSpacing() {
        String tag = Long.toString(System.nanoTime(), 36);
        long single = accounts.save(new Account(
                        "Cascade Timber " + tag + " Co.",
                        people.findByUsername("ravi").orElseThrow(),
                        null,
                        null,
                        null))
                .getId();
        long doubled = accounts.save(new Account(
                        "Birch  Mills " + tag, people.findByUsername("ravi").orElseThrow(), null, null, null))
                .getId();

        assertThat(lookup.accountOf("cascade  timber " + tag + " co.", null)).contains(single);
        assertThat(lookup.accountOf(" CASCADE\ttimber " + tag + " CO. ", null)).contains(single);
        assertThat(lookup.accountOf("birch mills " + tag, null))
                .as("an account stored with two spaces")
                .contains(doubled);
        assertThat(lookup.accountOf("Cascade Timber " + tag, null))
                .as("another name")
                .isEmpty();
    }
}
