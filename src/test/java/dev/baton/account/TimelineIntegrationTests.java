package dev.baton.account;

import static dev.baton.audit.Changes.fields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.audit.AuditLog;
import dev.baton.people.People;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The account's story in words, from the audit events the features record; the raw trail one click away. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimelineIntegrationTests {

    @Autowired
    Timeline timeline;

    @Autowired
    AuditLog audit;

    @Autowired
    Accounts accounts;

    @Autowired
    People people;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Account account;

    @BeforeEach
    void anAccount() {
        account = accounts.save(new Account(
                "Storyteller " + System.nanoTime(), people.findByUsername("rob").orElseThrow(), null, null, null));
    }

    private void recorded(String action, String type, long id, Map<String, Object> after) {
        tx.executeWithoutResult(status -> audit.record(action, type, id, account.getId(), null, after));
    }

    private void changed(String action, long id, Map<String, Object> before, Map<String, Object> after) {
        tx.executeWithoutResult(status -> audit.record(action, "commitment", id, account.getId(), before, after));
    }

    private List<String> sentences() {
        return timeline.of(account.getId()).reversed().stream()
                .map(TimelineItem::summary)
                .toList();
    }

    @Test
    void aPromiseWithoutItsCreationEventIsNamedByNumberNotQuotedAsWords() {
        // seeded or imported promises have no commitment.created event to take their words from
        recorded("commitment.reassigned", "commitment", 987_654_321L, fields("owner", "rita"));

        assertThat(sentences()).containsExactly("Baton gave promise #987654321 to Rita Okafor");
    }

    @Test
    void tellsAHandoverInPlainWordsWithNamesAndLeavesTaskStepsOut() {
        recorded(
                "handover.ownership-transferred",
                "handover_item",
                11,
                fields("from", "rob", "to", "rita", "handoverId", 4));
        recorded("task.completed", "task", 45, fields("status", "COMPLETING"));
        recorded("handover.acknowledged", "handover_item", 11, fields("by", "rita", "handoverId", 4));
        recorded(
                "handover.intro-call-held",
                "handover_item",
                11,
                fields("by", "rita", "summary", "Walked through the renewal", "handoverId", 4));

        assertThat(sentences())
                .containsExactly(
                        "Rob Jansen handed the account over to Rita Okafor",
                        "Rita Okafor acknowledged the handover note",
                        "Intro call held by Rita Okafor: Walked through the renewal");
        assertThat(timeline.of(account.getId()))
                .extracting(TimelineItem::link)
                .containsOnly("/handovers/4/accounts/" + account.getId());
    }

    @Test
    void namesAPromiseByItsWordsInEveryLaterStep() {
        recorded("commitment.created", "commitment", 7, fields("description", "Price hold", "dueDate", "2026-12-01"));
        recorded("commitment.rejected", "commitment", 7, fields("status", "REJECTED", "reason", "no capacity"));

        assertThat(sentences())
                .containsExactly(
                        "Baton promised \"Price hold\", due Tue 1 Dec 2026",
                        "Baton said no to the promise \"Price hold\": no capacity");
        assertThat(timeline.of(account.getId())).extracting(TimelineItem::link).containsOnly("/commitments/7");
    }

    @Test
    void aPromiseRenegotiatedTwiceIsQuotedAsItWasThenAndAsItIsNowAndEachRenegotiationSaysWhatChanged() {
        recorded(
                "commitment.created", "commitment", 7101, fields("description", "Price hold", "dueDate", "2026-12-01"));
        recorded("commitment.rejected", "commitment", 7101, fields("status", "REJECTED", "reason", "no budget"));
        changed(
                "commitment.renegotiated",
                7101,
                fields("status", "REJECTED", "description", "Price hold", "dueDate", "2026-12-01"),
                fields("status", "PROPOSED", "description", "Price hold", "dueDate", "2026-12-15"));
        changed(
                "commitment.renegotiated",
                7101,
                fields("status", "REJECTED", "description", "Price hold", "dueDate", "2026-12-15"),
                fields("status", "PROPOSED", "description", "Price hold for 6 months", "dueDate", "2026-12-15"));
        recorded("commitment.accepted", "commitment", 7101, fields("status", "ACCEPTED"));

        assertThat(sentences())
                .containsExactly(
                        "Baton promised \"Price hold\" (now \"Price hold for 6 months\"), due Tue 1 Dec 2026",
                        "Baton said no to the promise \"Price hold\" (now \"Price hold for 6 months\"): no budget",
                        "Baton renegotiated the promise \"Price hold\" with the customer to a new date: Tue 15 Dec 2026"
                                + " (was Tue 1 Dec 2026)",
                        "Baton renegotiated the promise \"Price hold\" with the customer to"
                                + " \"Price hold for 6 months\", due Tue 15 Dec 2026 as before",
                        "Baton accepted the promise \"Price hold for 6 months\"");
    }

    @Test
    void aRescheduleSaysFromWhichDateToWhichAndWhyAndLongWordsAreCut() {
        String words = "Quarterly business review ".repeat(10).strip();
        recorded("commitment.created", "commitment", 8101, fields("description", words, "dueDate", "2026-12-01"));
        changed(
                "commitment.rescheduled",
                8101,
                fields("status", "ACCEPTED", "dueDate", "2026-12-01"),
                fields("status", "ACCEPTED", "reason", "the customer is away", "dueDate", "2026-12-20"));

        String cut = "\"" + words.substring(0, 120).strip() + "…\"";
        assertThat(sentences())
                .containsExactly(
                        "Baton promised " + cut + ", due Tue 1 Dec 2026",
                        "Baton moved the promise " + cut
                                + " from Tue 1 Dec 2026 to Sun 20 Dec 2026: the customer is away");
    }

    /**
     * Found by a probe: an overdue promise's history read "The promise #43 was late and went to Marcus
     * Brown", as if its owner had changed; only the overdue decision went to him.
     */
    @Test
    void anOverduePromiseSaysWhoWasAskedToDecideNotThatThePromiseWentToThem() {
        recorded("commitment.created", "commitment", 9101, fields("description", "SSO guide", "dueDate", "2026-12-01"));
        recorded("commitment.escalated", "commitment", 9101, fields("escalatedTo", "maria", "dueDate", "2026-12-01"));

        assertThat(sentences())
                .containsExactly(
                        "Baton promised \"SSO guide\", due Tue 1 Dec 2026",
                        "The promise \"SSO guide\" was overdue: Maria Rossi was asked to decide what happens to it");
    }

    /** Found by session 42's probe: a run moved to a new version read "playbook instance instance migrated". */
    @Test
    void aRunMovedToANewVersionSaysWhichPlaybookAndVersion() {
        recorded(
                "playbook.instance-migrated",
                "playbook_instance",
                43,
                fields("version", 2, "playbook", "Account rescue"));

        assertThat(sentences())
                .containsExactly("Baton moved a run of the playbook Account rescue on the account to version 2");
    }

    /**
     * Found by session 41's probe: a canceled run read "Olga Reyes: playbook instance instance canceled",
     * with neither the playbook nor the reason given.
     */
    @Test
    void aCanceledPlaybookRunSaysWhichPlaybookAndWhy() {
        recorded(
                "playbook.instance-canceled",
                "playbook_instance",
                42,
                fields(
                        "status",
                        "canceled",
                        "reason",
                        "launched by mistake",
                        "playbook",
                        "Account rescue",
                        "processId",
                        "account-rescue"));

        assertThat(sentences())
                .containsExactly(
                        "Baton canceled a run of the playbook Account rescue on the account: launched by mistake");
    }

    @Test
    void anActionWithoutASentenceYetStillReadsAsWords() {
        recorded("lead.qualified-again", "sales_lead", 3, fields("score", 80));

        assertThat(sentences()).containsExactly("Baton: sales lead qualified again");
    }

    @Test
    void theRawTrailIsForManagersAndFiltersByRecordAndAccount() {
        // recorded by Baton itself (no one signed in): an admin reads them, a manager only their line's
        recorded("commitment.created", "commitment", 8, fields("description", "Training", "dueDate", "2026-12-01"));
        recorded("contact.created", "contact", 9, fields("fullName", "Jane Doe"));

        Map page = http.withBasicAuth("ada", "demo")
                .getForObject("/api/audit?account=" + account.getId() + "&entityType=commitment&size=10", Map.class);
        assertThat((List<Map<String, Object>>) page.get("content"))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("action", "commitment.created")
                        .containsEntry("entityId", 8));
        assertThat(http.withBasicAuth("rob", "demo")
                        .getForEntity("/api/audit", Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("maria", "demo")
                        .getForEntity("/api/audit?from=2026-12-02&to=2026-12-01", Map.class)
                        .getBody())
                .containsEntry("status", 400);
        assertThat(dev.baton.support.SignedIn.as(http, "ada")
                        .getForObject("/audit?account=" + account.getId(), String.class))
                .contains(">Contact added<")
                .contains("Jane Doe")
                // times are printed in the reader's zone: the page must not claim UTC
                .contains("Days and times are in")
                .doesNotContain("When (UTC)");
    }

    @Test
    void anEntryLinksToTheRawTrailOnlyForThoseWhoMayReadIt() {
        recorded("contact.created", "contact", 9, fields("fullName", "Jane Doe"));
        String trail = "/audit?entityType=contact&entityId=9";

        Map forRep = http.withBasicAuth("rob", "demo")
                .getForObject("/api/accounts/" + account.getId() + "/timeline", Map.class);
        Map forManager = http.withBasicAuth("maria", "demo")
                .getForObject("/api/accounts/" + account.getId() + "/timeline", Map.class);
        String repPage =
                dev.baton.support.SignedIn.as(http, "rob").getForObject("/accounts/" + account.getId(), String.class);
        String managerPage =
                dev.baton.support.SignedIn.as(http, "maria").getForObject("/accounts/" + account.getId(), String.class);

        assertThat((List<Map>) forRep.get("content"))
                .extracting(i -> i.get("link"))
                .containsExactly((Object) null);
        assertThat((List<Map>) forManager.get("content"))
                .extracting(i -> i.get("link"))
                .containsExactly(trail);
        assertThat(repPage).contains("Jane Doe").doesNotContain("/audit?");
        assertThat(managerPage).contains("/audit?entityType=contact&amp;entityId=9", "audit trail");
        assertThat(dev.baton.support.SignedIn.as(http, "rob")
                        .getForEntity(trail, String.class)
                        .getStatusCode())
                .as("the rule the link follows is the page's own")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void pagingThroughALongStoryGivesEveryEntryOnceNewestFirst() {
        long rob = people.findByUsername("rob").orElseThrow().getId();
        java.time.Instant base = java.time.Instant.now().minus(java.time.Duration.ofDays(10));
        // 30 interactions and 30 promises, three of each at every instant: ties the order must break
        for (int i = 0; i < 30; i++) {
            java.sql.Timestamp at = java.sql.Timestamp.from(base.plusSeconds(i / 3 * 60));
            jdbc.update(
                    "insert into interaction (account_id, kind, summary, by_id, occurred_at) values (?, 'NOTE', ?, ?, ?)",
                    account.getId(),
                    "note " + i,
                    rob,
                    at);
            jdbc.update(
                    "insert into audit_event (at, actor, action, entity_type, entity_id, account_id, after_state)"
                            + " values (?, 'rob', 'commitment.created', 'commitment', ?, ?, ?::jsonb)",
                    at,
                    9000 + i,
                    account.getId(),
                    "{\"description\": \"promise " + i + "\", \"dueDate\": \"2026-12-01\"}");
        }
        // the newest entry names a promise created on the last page; task and interaction events stay out
        recorded("commitment.accepted", "commitment", 9000, fields("status", "ACCEPTED"));
        recorded("task.completed", "task", 45, fields("status", "COMPLETING"));
        recorded("interaction.logged", "interaction", 46, fields("summary", "x"));

        List<Map<String, Object>> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 9; page++) {
            Map body = http.withBasicAuth("rob", "demo")
                    .getForObject("/api/accounts/{id}/timeline?size=7&page={p}", Map.class, account.getId(), page);
            assertThat(body).containsEntry("totalElements", 61).containsEntry("totalPages", 9);
            seen.addAll((List<Map<String, Object>>) body.get("content"));
        }

        assertThat(seen).hasSize(61);
        assertThat(seen)
                .extracting(i -> (String) i.get("summary"))
                .doesNotHaveDuplicates()
                .startsWith("Baton accepted the promise \"promise 0\"")
                .contains("Note: note 29", "Note: note 0", "Rob Jansen promised \"promise 29\", due Tue 1 Dec 2026");
        assertThat(seen)
                .extracting(i -> java.time.Instant.parse((String) i.get("when")))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // at one instant: the interactions first, then the newest record first
        assertThat(seen.subList(1, 7))
                .extracting(i -> (String) i.get("summary"))
                .containsExactly(
                        "Note: note 29",
                        "Note: note 28",
                        "Note: note 27",
                        "Rob Jansen promised \"promise 29\", due Tue 1 Dec 2026",
                        "Rob Jansen promised \"promise 28\", due Tue 1 Dec 2026",
                        "Rob Jansen promised \"promise 27\", due Tue 1 Dec 2026");
    }
}
