package dev.baton.demo;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.engine.Bpmn.Variables;
import dev.baton.engine.ProcessInstances;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.playbook.engine.SampleReviewBpmn;
import dev.baton.renewal.RenewalRun;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Puts work in the sandbox's inboxes: a few sample reviews of rob's accounts for his team, one of
 * them already overdue, so whoever signs in as rob or rita sees tasks at once; and the renewals the
 * daily run would open today (the demo's renewal dates within its days ahead), so the renewals page
 * and their stages show before the first 06:00 run (found by session 41: a fresh sandbox had none). Only
 * right after {@link DemoData} loaded the book, so a restart against a kept database starts nothing twice.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "baton.demo-data.enabled", havingValue = "true")
class DemoPlaybooks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlaybooks.class);
    private static final List<Duration> DUE_IN = List.of(Duration.ofDays(-1), Duration.ofHours(6), Duration.ofDays(3));

    private final DemoData demoData;
    private final ProcessInstances processInstances;
    private final Accounts accounts;
    private final PeopleLookup people;
    private final Clock clock;
    private final RenewalRun renewals;
    private final boolean enabled;

    DemoPlaybooks(
            DemoData demoData,
            ProcessInstances processInstances,
            Accounts accounts,
            PeopleLookup people,
            Clock clock,
            RenewalRun renewals,
            @Value("${baton.demo-data.playbooks:true}") boolean enabled) {
        this.renewals = renewals;
        this.demoData = demoData;
        this.processInstances = processInstances;
        this.accounts = accounts;
        this.people = people;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && demoData.loadedByThisStart()) {
            startSampleReviews();
            log.info(
                    "Demo: opened {} renewals due now, as the daily run would",
                    renewals.run().size());
        }
    }

    /** One review per due date, for the first accounts (by name) of rob's book; returns the instance keys. */
    List<Long> startSampleReviews() {
        Person rob = people.byUsername("rob").orElseThrow();
        List<Account> firstAccounts = accounts.findAll(
                        (a, q, cb) -> cb.equal(a.get("owner"), rob), PageRequest.of(0, DUE_IN.size(), Sort.by("name")))
                .getContent();
        List<Long> started = new ArrayList<>();
        for (int i = 0; i < firstAccounts.size(); i++) {
            started.add(processInstances.start(
                    SampleReviewBpmn.PROCESS_ID,
                    Map.of(
                            Variables.ACCOUNT_ID, firstAccounts.get(i).getId(),
                            Variables.REVIEW_DUE_AT,
                                    clock.instant().plus(DUE_IN.get(i)).toString())));
        }
        log.info("Demo: started {} sample reviews for team {}", started.size(), SampleReviewBpmn.CANDIDATE_TEAM);
        return started;
    }
}
