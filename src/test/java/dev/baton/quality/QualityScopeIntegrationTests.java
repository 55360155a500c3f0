package dev.baton.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who sees which findings: a manager those of accounts owned in their line (through the whole
 * reporting chain), an admin all, also accounts without an owner. A fixture of its own: manager M,
 * rep A and rep B (who has left) reporting to M, rep C reporting to A; rep X outside M's line; an
 * account without an owner. The counts M sees are worked out beside each row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QualityScopeIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    final Instant now = Instant.now();
    String run;
    long manager, a, b, c, x, accountA, accountB, accountX, orphan, contactX;

    @BeforeEach
    void fixture() {
        run = UUID.randomUUID().toString().substring(0, 8);
        manager = person("m", null, "MANAGER");
        a = person("a", manager, "REP");
        b = person("b", manager, "REP");
        c = person("c", a, "REP");
        x = person("x", null, "REP");
        // A: 3 contacts, none primary: 2 stale (never verified, and 400 days ago), 1 of them unreachable;
        // 2 with one e-mail address (a likely duplicate pair); an open commitment without an owner
        accountA = account("A Co", a);
        contact(accountA, "Anna Early", "anna@scope.example", null, null, daysAgo(10), false);
        contact(accountA, "Bert Quiet", null, null, null, null, false);
        contact(accountA, "Anna Later", "ANNA@scope.example", "+31 1", null, daysAgo(400), false);
        commitment(accountA, null);
        // B (has left): the account is owned by someone inactive, its contact is primary and fresh; the
        // open commitment B owns has no active owner
        accountB = account("B Co", b);
        contact(accountB, "Cara Fresh", "cara@scope.example", null, null, daysAgo(5), true);
        commitment(accountB, b);
        // C, in M's line through A: a clean account
        contact(account("C Co", c), "Dirk Fine", "dirk@scope.example", null, null, daysAgo(1), true);
        // X, outside M's line, and an account without an owner: only an admin sees them
        accountX = account("X Co", x);
        contactX = contact(accountX, "Eve Stale", "eve@scope.example", null, null, null, false);
        orphan = account("Nobody Co", null);
        jdbc.update("update person set active = false where id = ?", b);
    }

    @Test
    void aManagerSeesTheCountsOfTheirWholeLineAndNothingElse() {
        Map summary = as("m").getForObject("/api/data-quality", Map.class);

        assertThat((Map<String, Object>) summary.get("totals"))
                .isEqualTo(Map.of(
                        "STALE_CONTACT", 2,
                        "UNREACHABLE_CONTACT", 1,
                        "DUPLICATE_CONTACTS", 1,
                        "ACCOUNT_WITHOUT_PRIMARY_CONTACT", 1,
                        "ACCOUNT_OWNER_INACTIVE", 1,
                        "COMMITMENT_WITHOUT_ACTIVE_OWNER", 2));
        assertThat((List<Map>) summary.get("owners"))
                .extracting(o -> ((Number) o.get("ownerId")).longValue() + " " + o.get("counts"))
                .containsExactly(
                        a + " {STALE_CONTACT=2, DUPLICATE_CONTACTS=1, UNREACHABLE_CONTACT=1,"
                                + " ACCOUNT_WITHOUT_PRIMARY_CONTACT=1, COMMITMENT_WITHOUT_ACTIVE_OWNER=1}",
                        b + " {ACCOUNT_OWNER_INACTIVE=1, COMMITMENT_WITHOUT_ACTIVE_OWNER=1}");
    }

    @Test
    void aManagerListsOnlyFindingsOfTheirLineAndAnAdminListsEveryOne() {
        assertThat(accounts("m", "STALE_CONTACT", null)).containsOnly(accountA);
        assertThat(accounts("m", "ACCOUNT_WITHOUT_OWNER", null)).isEmpty();
        assertThat(accounts("m", "ACCOUNT_WITHOUT_PRIMARY_CONTACT", null)).containsOnly(accountA);
        assertThat(accounts("m", "COMMITMENT_WITHOUT_ACTIVE_OWNER", null)).containsExactly(accountA, accountB);
        assertThat(accounts("m", "COMMITMENT_WITHOUT_ACTIVE_OWNER", b)).containsExactly(accountB);
        assertThat(accounts("m", "STALE_CONTACT", x)).isEmpty();

        assertThat(accounts("ada", "STALE_CONTACT", null)).contains(accountA, accountX);
        assertThat(accounts("ada", "ACCOUNT_WITHOUT_OWNER", null)).contains(orphan);
        assertThat(accounts("ada", "ACCOUNT_WITHOUT_PRIMARY_CONTACT", x)).containsExactly(accountX);
        Map adminSummary = as("ada").getForObject("/api/data-quality", Map.class);
        assertThat((List<Map>) adminSummary.get("owners"))
                .anySatisfy(o -> assertThat(o.get("ownerId")).isNull())
                .anySatisfy(o -> assertThat(o).containsEntry("ownerId", (int) x));
    }

    @Test
    void aManagerMayNotFixAFindingOutsideTheirLine() {
        var refused = as("m").postForEntity("/api/data-quality/contacts/" + contactX + "/verify", null, Map.class);
        var moved = as("m").exchange(
                        "/api/data-quality/accounts/" + accountX + "/owner",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("ownerId", c)),
                        Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select last_verified_at from contact where id = ?", Timestamp.class, contactX))
                .isNull();
        assertThat(jdbc.queryForObject("select owner_id from account where id = ?", Long.class, accountX))
                .isEqualTo(x);
        assertThat(as("m").exchange(
                                "/api/data-quality/accounts/" + accountB + "/owner",
                                HttpMethod.PUT,
                                new HttpEntity<>(Map.of("ownerId", c)),
                                Void.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void everyAdminCountEqualsTheFindingsCountedOneKindAtATime() {
        Map summary = as("ada").getForObject("/api/data-quality", Map.class);
        String account = " from account a left join person p on p.id = a.owner_id where ";
        String contact = " from contact c join account a on a.id = c.account_id where ";
        Map<String, String> oneKind = Map.of(
                "STALE_CONTACT",
                        contact + "c.last_verified_at is null or c.last_verified_at < now() - interval '365 days'",
                "UNREACHABLE_CONTACT", contact + "coalesce(c.email, '') = '' and coalesce(c.phone, '') = ''",
                "ACCOUNT_WITHOUT_OWNER", account + "a.owner_id is null",
                "ACCOUNT_OWNER_INACTIVE", account + "not p.active",
                "ACCOUNT_WITHOUT_PRIMARY_CONTACT",
                        account
                                + "not exists (select 1 from contact c where c.account_id = a.id and c.primary_contact)",
                "COMMITMENT_WITHOUT_ACTIVE_OWNER",
                        " from commitment c join account a on a.id = c.account_id left join person p on p.id = c.owner_id"
                                + " where c.status in ('PROPOSED', 'ACCEPTED', 'DELIVERED', 'REJECTED')"
                                + " and (c.owner_id is null or not p.active)");

        oneKind.forEach((kind, from) -> {
            Map<Long, Long> expected = new java.util.HashMap<>();
            jdbc.query("select a.owner_id, count(*)" + from + " group by a.owner_id", rs -> {
                expected.put(rs.getObject(1, Long.class), rs.getLong(2));
            });
            Map<Long, Long> shown = ((List<Map>) summary.get("owners"))
                    .stream()
                            .filter(o -> ((Map) o.get("counts")).containsKey(kind))
                            .collect(Collectors.toMap(
                                    o -> o.get("ownerId") == null ? null : ((Number) o.get("ownerId")).longValue(),
                                    o -> ((Number) ((Map) o.get("counts")).get(kind)).longValue()));
            assertThat(shown).as(kind).isEqualTo(expected);
            assertThat(((Number) ((Map) summary.get("totals")).getOrDefault(kind, 0)).longValue())
                    .as(kind)
                    .isEqualTo(expected.values().stream()
                            .mapToLong(Long::longValue)
                            .sum());
        });
    }

    private List<Long> accounts(String viewer, String kind, Long owner) {
        List<Long> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map body = as(viewer)
                    .getForObject(
                            "/api/data-quality/findings?kind={k}&size=500&page={p}"
                                    + (owner == null ? "" : "&owner=" + owner),
                            Map.class,
                            kind,
                            page);
            ((List<Map>) body.get("content")).forEach(f -> all.add(((Number) f.get("accountId")).longValue()));
            if (page + 1 >= (int) body.get("totalPages")) {
                return all;
            }
        }
    }

    private TestRestTemplate as(String who) {
        return http.withBasicAuth(who.length() == 1 ? who + "-" + run : who, "demo");
    }

    private long person(String name, Long managerId, String role) {
        String hash = jdbc.queryForObject("select password_hash from person where username = 'ada'", String.class);
        long id = jdbc.queryForObject(
                "insert into person (username, email, full_name, password_hash, manager_id) values (?, ?, ?, ?, ?)"
                        + " returning id",
                Long.class,
                name + "-" + run,
                name + "-" + run + "@scope.example",
                "Scope " + name.toUpperCase() + " " + run,
                hash,
                managerId);
        jdbc.update("insert into person_role (person_id, role) values (?, ?)", id, role);
        return id;
    }

    private long account(String name, Long owner) {
        return jdbc.queryForObject(
                "insert into account (name, owner_id) values (?, ?) returning id", Long.class, name + " " + run, owner);
    }

    private long contact(
            long account, String name, String email, String phone, String title, Instant verified, boolean primary) {
        return jdbc.queryForObject(
                "insert into contact (account_id, full_name, email, phone, title, last_verified_at, primary_contact)"
                        + " values (?, ?, ?, ?, ?, ?, ?) returning id",
                Long.class,
                account,
                name,
                email,
                phone,
                title,
                verified == null ? null : Timestamp.from(verified),
                primary);
    }

    private void commitment(long account, Long owner) {
        jdbc.update(
                "insert into commitment (account_id, description, made_by_id, owner_id, due_date, status)"
                        + " values (?, 'promise', ?, ?, current_date + 5, 'ACCEPTED')",
                account,
                a,
                owner);
    }

    private Instant daysAgo(int days) {
        return now.minus(days, ChronoUnit.DAYS);
    }
}
