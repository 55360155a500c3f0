package dev.baton.demo;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.baton.account.Accounts;
import dev.baton.engine.ProcessInstances;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.renewal.RenewalRun;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;

/**
 * The sandbox's first start opens the renewals the daily run would open today, so the renewals page
 * and their stages show before the first 06:00 run (a fresh sandbox had none); a restart against a
 * kept database opens nothing (the daily run does, once per account and renewal date).
 */
class DemoPlaybooksTests {

    private final DemoData demoData = mock(DemoData.class);
    private final RenewalRun renewals = mock(RenewalRun.class);
    private final Accounts accounts = mock(Accounts.class);
    private final PeopleLookup people = mock(PeopleLookup.class);
    private final DemoPlaybooks demo = new DemoPlaybooks(
            demoData, mock(ProcessInstances.class), accounts, people, Clock.systemUTC(), renewals, true);

    @Test
    @SuppressWarnings("unchecked")
    void theFirstStartOpensTheRenewalsDueNow() {
        when(demoData.loadedByThisStart()).thenReturn(true);
        when(people.byUsername("rob")).thenReturn(Optional.of(mock(Person.class)));
        when(accounts.findAll(any(Specification.class), any(Pageable.class)))
                .thenReturn((Page) new PageImpl<>(List.of()));
        when(renewals.run()).thenReturn(List.of(1L, 2L));

        demo.run(null);

        verify(renewals).run();
    }

    @Test
    void aRestartAgainstAKeptDatabaseOpensNone() {
        when(demoData.loadedByThisStart()).thenReturn(false);

        demo.run(null);

        verify(renewals, never()).run();
    }
}
