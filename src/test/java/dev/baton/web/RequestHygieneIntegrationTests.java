package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.support.SignedIn;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Probe 47's F9 and F11: what an address says it takes is what it takes, and a refused form stays a page. */
class RequestHygieneIntegrationTests extends EngineIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aListThatTakesNoPageCallsPageNoParameterWhateverItsValue() {
        for (String list : List.of("/api/admin/problems", "/api/admin/mail/failed")) {
            for (String page : List.of("-1", "999")) {
                ResponseEntity<Map> refused = as("ada").getForEntity(list + "?page=" + page, Map.class);

                assertThat(refused.getStatusCode()).as(list).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat((Map) refused.getBody().get("errors"))
                        .as(list + "?page=" + page)
                        .isEqualTo(Map.of("page", "is not a parameter here: this address takes none"));
            }
        }
        ResponseEntity<Map> size = as("ada").getForEntity("/api/admin/problems?size=5000", Map.class);
        assertThat((Map) size.getBody().get("errors"))
                .isEqualTo(Map.of("size", "is not a parameter here: this address takes none"));
    }

    @Test
    void theTimelineListsPageAndSizeButNoSortAndSaysWhyItTakesNone() {
        long account = anyAccount();
        ResponseEntity<Map> unknown =
                as("ada").getForEntity("/api/accounts/" + account + "/timeline?type=x", Map.class);
        ResponseEntity<Map> sorted =
                as("ada").getForEntity("/api/accounts/" + account + "/timeline?sort=when", Map.class);

        assertThat((Map) unknown.getBody().get("errors"))
                .isEqualTo(Map.of("type", "is not a parameter here: this address takes page, size"));
        assertThat((Map) sorted.getBody().get("errors"))
                .isEqualTo(Map.of("sort", "this list has a fixed order and cannot be sorted"));
        assertThat(as("ada")
                        .getForEntity("/api/accounts?nonsense=1", Map.class)
                        .getBody()
                        .get("errors"))
                .as("a list that can be sorted lists sort")
                .isEqualTo(Map.of(
                        "nonsense",
                        "is not a parameter here: this address takes owner, page, q, segment, size, sort, territory"));
    }

    @Test
    void theAuditPageTakesSizeAndListsIt() {
        ResponseEntity<String> unknown = page("ada", "/audit?nonsense=1");
        ResponseEntity<String> sized = page("ada", "/audit?size=2");

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("page, size, to");
        assertThat(sized.getStatusCode()).isEqualTo(HttpStatus.OK);
        long events =
                ((Number) as("ada").getForObject("/api/audit?size=1", Map.class).get("totalElements")).longValue();
        assertThat(sized.getBody().split("<tr").length - 2)
                .as("rows under the header")
                .isEqualTo((int) Math.min(2, events));
        assertThat(page("ada", "/audit?size=abc").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theAccountPagePagesItsTimelineWithPageAndSize() {
        long account = anyAccount();
        int entries = ((Number) as("ada")
                        .getForObject("/api/accounts/" + account + "/timeline", Map.class)
                        .get("totalElements"))
                .intValue();
        assertThat(entries).as("an account with a story").isGreaterThan(1);

        ResponseEntity<String> one = page("ada", "/accounts/" + account + "?size=1");
        ResponseEntity<String> past = page("ada", "/accounts/" + account + "?page=999");

        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(one.getBody()).contains("Page 1 of " + entries, "page=1&amp;size=1");
        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(past.getBody()).contains("timeline-past-the-end").doesNotContain("class=\"timeline-item\"");
        assertThat(page("ada", "/accounts/" + account + "?page=-1").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anActorFilterNamingNobodyIsRefusedAsTheAccountFilterIs() {
        ResponseEntity<Map> nobody = as("ada").getForEntity("/api/audit?actor=nobody", Map.class);

        assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) nobody.getBody().get("errors")).isEqualTo(Map.of("actor", "no person 'nobody'"));
        for (String known : List.of("ada", "system", "marcus")) {
            assertThat(as("ada")
                            .getForEntity("/api/audit?actor=" + known, Map.class)
                            .getStatusCode())
                    .as(known)
                    .isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void makingTheChampionChampionAgainRecordsNothing() {
        long contact =
                jdbc.queryForObject("select id from contact where retired_at is null order by id limit 1", Long.class);
        as("ada").postForEntity("/api/contacts/" + contact + "/champion", null, Map.class);
        int before = updates(contact);

        ResponseEntity<Map> again = as("ada").postForEntity("/api/contacts/" + contact + "/champion", null, Map.class);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("champion", true);
        assertThat(updates(contact)).isEqualTo(before);
    }

    @Test
    void aBodyOfATypeTheEndpointDoesNotReadIsToldWhichItReads() {
        HttpHeaders text = new HttpHeaders();
        text.setContentType(MediaType.TEXT_PLAIN);

        ResponseEntity<Map> refused =
                as("ada").exchange("/api/accounts", HttpMethod.POST, new HttpEntity<>("name=x", text), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat((String) refused.getBody().get("detail"))
                .startsWith("Content-Type 'text/plain;charset=UTF-8' is not accepted here (send application/json");
    }

    @Test
    void aRefusedAddressOnTheFailedMailPageIsShownAtItsFieldWithWhatWasTyped() {
        long mail = jdbc.queryForObject(
                "insert into outbox_message (dedup_key, to_address, subject, text_body, status, attempts)"
                        + " values (?, 'refused@customer.example', 'Probe 47', 'x', 'FAILED', 8) returning id",
                Long.class,
                "probe47:" + UUID.randomUUID());
        TestRestTemplate ada = SignedIn.as(http, "ada");
        HttpHeaders form = SignedIn.formOf(ada.getForObject("/admin/mail", String.class));
        form.setAccept(List.of(MediaType.TEXT_HTML));

        ResponseEntity<String> refused = ada.postForEntity(
                "/admin/mail/" + mail + "/retry",
                new HttpEntity<>("to=a%40b.c%0D%0ABcc%3A+x%40y.z", form),
                String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(refused.getBody())
                .contains("Mail that could not be sent", "is-invalid", "id=\"to-" + mail + "-refused\"")
                .contains("value=\"a@b.c", "Bcc: x@y.z\"", "is not one plain-ASCII mail address");
        assertThat(jdbc.queryForObject("select status from outbox_message where id = ?", String.class, mail))
                .isEqualTo("FAILED");
    }

    @Test
    void aFormWithoutTheSessionsTokenIsToldItExpiredNotThatARoleIsMissing() {
        TestRestTemplate ada = SignedIn.as(http, "ada");
        HttpHeaders noToken = new HttpHeaders();
        noToken.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        noToken.setAccept(List.of(MediaType.TEXT_HTML));

        ResponseEntity<String> refused =
                ada.postForEntity("/admin/mail/1/retry", new HttpEntity<>("to=", noToken), String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody())
                .contains("id=\"expired-form\"", "reload the page and send it again")
                .doesNotContain("Forbidden", "ask an admin");
        HttpHeaders token = SignedIn.formOf(ada.getForObject("/admin/mail", String.class));
        token.setAccept(List.of(MediaType.TEXT_HTML));
        assertThat(SignedIn.as(http, "rob")
                        .exchange("/admin/mail", HttpMethod.GET, new HttpEntity<>(token), String.class)
                        .getBody())
                .as("a missing role is still told as one")
                .contains("ask an admin")
                .doesNotContain("expired-form");
    }

    private int updates(long contact) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where entity_type = 'contact' and entity_id = ? and action = 'contact.updated'",
                Integer.class,
                contact);
    }

    private long anyAccount() {
        return jdbc.queryForObject(
                "select account_id from interaction group by account_id order by count(*) desc limit 1", Long.class);
    }

    private ResponseEntity<String> page(String username, String path) {
        HttpHeaders html = new HttpHeaders();
        html.setAccept(List.of(MediaType.TEXT_HTML));
        return SignedIn.as(http, username).exchange(path, HttpMethod.GET, new HttpEntity<>(html), String.class);
    }
}
