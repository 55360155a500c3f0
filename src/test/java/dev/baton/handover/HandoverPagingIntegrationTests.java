package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.SignedIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A big handover's detail comes a page of accounts at a time: paging through it (by item, or by
 * account name, where several accounts share a name) gives every account exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HandoverPagingIntegrationTests {

    static final int ACCOUNTS = 123;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    long departing;
    long handover;
    List<Long> items;

    @BeforeEach
    void aCompletedHandoverOfManyAccounts() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String hash = jdbc.queryForObject("select password_hash from person where username = 'ada'", String.class);
        departing = jdbc.queryForObject(
                "insert into person (username, email, full_name, password_hash, active) values (?, ?, ?, ?, false)"
                        + " returning id",
                Long.class,
                "big-" + run,
                "big-" + run + "@paging.example",
                "Big Book " + run,
                hash);
        handover = jdbc.queryForObject(
                "insert into handover (departing_id, launched_by, reason, effective_date, status, completed_at)"
                        + " values (?, 'ada', 'LEAVING', current_date, 'COMPLETED', now()) returning id",
                Long.class,
                departing);
        // names repeat every 7 accounts, so a sort by name needs the tie-breaker to page without overlap
        items = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            long account = jdbc.queryForObject(
                    "insert into account (name) values (?) returning id", Long.class, "Paged " + run + " " + (i % 7));
            items.add(jdbc.queryForObject(
                    "insert into handover_item (handover_id, account_id, step) values (?, ?, ?) returning id",
                    Long.class,
                    handover,
                    account,
                    i % 3 == 0 ? "DONE" : "ACKNOWLEDGING"));
        }
    }

    @Test
    void pagingThroughTheAccountsGivesEachExactlyOnceInEitherOrder() {
        assertThat(pageThrough("", 10)).containsExactlyElementsOf(items);
        List<Long> byName = pageThrough("&sort=account.name", 9);
        assertThat(byName).containsExactlyInAnyOrderElementsOf(items).doesNotHaveDuplicates();
        Map first = detail("?size=10");
        assertThat((Map<String, Object>) first.get("handover"))
                .containsEntry("accounts", ACCOUNTS)
                .containsEntry("accountsDone", 41);
        assertThat((Map<String, Object>) first.get("items"))
                .containsEntry("totalElements", ACCOUNTS)
                .containsEntry("totalPages", 13);
    }

    @Test
    void anUnknownSortIsRefusedAndThePageLinksToTheNextAndPreviousPage() {
        assertThat(http.withBasicAuth("ada", "demo")
                        .getForEntity("/api/handovers/" + handover + "?sort=successor.passwordHash", Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        String second = SignedIn.as(http, "ada").getForObject("/handovers/" + handover + "?page=1", String.class);
        assertThat(second)
                .contains("Page 2 of 3 (123 accounts, by name)")
                .contains("/handovers/" + handover + "?page=0")
                .contains("/handovers/" + handover + "?page=2")
                // the leaver's page, where an admin sees the playbook runs their deactivation stops
                .contains("href=\"/people/" + departing + "\"");
    }

    /** Every page's item ids in page order, checking each page's size and the totals on the way. */
    private List<Long> pageThrough(String sort, int size) {
        List<Long> seen = new ArrayList<>();
        int pages = (ACCOUNTS + size - 1) / size;
        for (int page = 0; page < pages; page++) {
            Map items = (Map) detail("?size=" + size + "&page=" + page + sort).get("items");
            List<Map> content = (List<Map>) items.get("content");
            assertThat(items).containsEntry("totalPages", pages).containsEntry("page", page);
            assertThat(content).hasSize(page < pages - 1 ? size : ACCOUNTS - size * (pages - 1));
            content.forEach(i -> seen.add(((Number) i.get("itemId")).longValue()));
        }
        assertThat((List)
                        ((Map) detail("?size=" + size + "&page=" + pages + sort).get("items")).get("content"))
                .isEmpty();
        return seen;
    }

    private Map detail(String query) {
        return http.withBasicAuth("ada", "demo").getForObject("/api/handovers/" + handover + query, Map.class);
    }
}
