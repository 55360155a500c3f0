package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.people.People;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every JSON write endpoint against hostile and careless bodies: each answer is a 4xx problem
 * detail naming the field to blame, and nothing was written (rows counted, or the record read
 * again). One table of endpoints (a valid body, which of its fields are one-line text, ids and
 * dates) times one table of payloads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIntegrationTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    People people;

    final HttpClient client = HttpClient.newHttpClient();
    long rob;
    long account;
    long contact;
    long person;
    long team;

    /**
     * A write endpoint: who calls it, a valid body, its text, id and date fields (null: none), and
     * what it writes (a row count, or the record as read back), to compare before and after.
     */
    record Endpoint(
            String name,
            String user,
            String method,
            Function<HostileInputIntegrationTests, String> path,
            Function<HostileInputIntegrationTests, Map<String, Object>> body,
            String text,
            String id,
            String date,
            Function<HostileInputIntegrationTests, Object> state) {

        @Override
        public String toString() {
            return method + " " + name;
        }
    }

    /** A hostile variation of an endpoint's valid body, the status it gets, and the field it must name ("" for none). */
    record Payload(
            String name,
            Function<Endpoint, String> applies,
            Function<Endpoint, Integer> status,
            Function<Endpoint, String> field,
            Mutation mutation) {

        @Override
        public String toString() {
            return name;
        }
    }

    interface Mutation {
        String body(Endpoint e, Map<String, Object> valid) throws Exception;
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(
                    "/api/accounts",
                    "maria",
                    "POST",
                    t -> "/api/accounts",
                    t -> map(
                            "name",
                            "Hostile Co",
                            "ownerId",
                            t.rob,
                            "segment",
                            "SMB",
                            "territory",
                            "Benelux",
                            "renewalDate",
                            "2027-01-01"),
                    "name",
                    "ownerId",
                    "renewalDate",
                    t -> t.count("account")),
            new Endpoint(
                    "/api/accounts/{id}",
                    "maria",
                    "PUT",
                    t -> "/api/accounts/" + t.account,
                    t -> map(
                            "name",
                            "Renamed Co",
                            "segment",
                            null,
                            "territory",
                            null,
                            "renewalDate",
                            "2028-01-01",
                            "version",
                            t.version("account", t.account)),
                    "name",
                    "version",
                    "renewalDate",
                    t -> t.read("/api/accounts/" + t.account)),
            new Endpoint(
                    "/api/accounts/{id}/owner",
                    "maria",
                    "PUT",
                    t -> "/api/accounts/" + t.account + "/owner",
                    t -> map("ownerId", t.rob, "version", t.version("account", t.account)),
                    null,
                    "ownerId",
                    null,
                    t -> t.read("/api/accounts/" + t.account)),
            new Endpoint(
                    "/api/accounts/{id}/contacts",
                    "rob",
                    "POST",
                    t -> "/api/accounts/" + t.account + "/contacts",
                    t -> map("fullName", "Ann Hostile", "title", "CFO", "email", "ann@example.com", "primary", false),
                    "fullName",
                    null,
                    null,
                    t -> t.count("contact")),
            new Endpoint(
                    "/api/contacts/{id}",
                    "rob",
                    "PUT",
                    t -> "/api/contacts/" + t.contact,
                    t -> map(
                            "fullName",
                            "Ann Renamed",
                            "title",
                            null,
                            "email",
                            null,
                            "phone",
                            null,
                            "preferences",
                            null,
                            "primary",
                            false,
                            "version",
                            t.version("contact", t.contact)),
                    "fullName",
                    "version",
                    null,
                    t -> t.read("/api/contacts/" + t.contact)),
            new Endpoint(
                    "/api/accounts/{id}/interactions",
                    "rob",
                    "POST",
                    t -> "/api/accounts/" + t.account + "/interactions",
                    t -> map("kind", "CALL", "summary", "Talked", "occurredAt", "2025-01-01T10:00:00Z"),
                    null,
                    null,
                    "occurredAt",
                    t -> t.count("interaction")),
            new Endpoint(
                    "/api/people",
                    "ada",
                    "POST",
                    t -> "/api/people",
                    t -> map(
                            "username",
                            "hostile",
                            "fullName",
                            "Hos Tile",
                            "email",
                            "hostile@example.com",
                            "password",
                            "secret-123",
                            "roles",
                            List.of("REP"),
                            "teamId",
                            null,
                            "managerId",
                            t.rob),
                    "fullName",
                    "managerId",
                    null,
                    t -> t.count("person")),
            new Endpoint(
                    "/api/people/{id}",
                    "ada",
                    "PUT",
                    t -> "/api/people/" + t.person,
                    t -> map(
                            "fullName",
                            "Hos Renamed",
                            "email",
                            "hostile-target@example.com",
                            "roles",
                            List.of("REP"),
                            "teamId",
                            t.team,
                            "managerId",
                            null,
                            "timeZone",
                            null,
                            "version",
                            t.version("person", t.person)),
                    "fullName",
                    "teamId",
                    null,
                    t -> t.read("/api/people/" + t.person)),
            new Endpoint(
                    "/api/teams",
                    "ada",
                    "POST",
                    t -> "/api/teams",
                    t -> map("key", "hostile-team", "name", "Hostile team"),
                    "name",
                    null,
                    null,
                    t -> t.count("team")),
            new Endpoint(
                    "/api/teams/{id}",
                    "ada",
                    "PUT",
                    t -> "/api/teams/" + t.team,
                    t -> map("name", "Renamed team", "version", t.version("team", t.team)),
                    "name",
                    "version",
                    null,
                    t -> t.read("/api/teams/" + t.team)),
            new Endpoint(
                    "/api/absences",
                    "ravi",
                    "POST",
                    t -> "/api/absences",
                    t -> map("startsOn", "2099-01-01", "endsOn", "2099-01-05", "delegate", "rob", "note", "away"),
                    "delegate",
                    null,
                    "endsOn",
                    t -> t.count("absence")),
            new Endpoint(
                    "/api/commitments",
                    "rob",
                    "POST",
                    t -> "/api/commitments",
                    t -> map("accountId", t.account, "description", "Deliver training", "dueDate", "2030-01-01"),
                    null,
                    "accountId",
                    "dueDate",
                    t -> t.count("commitment")),
            new Endpoint(
                    "/api/preferences/mail",
                    "rita",
                    "PUT",
                    t -> "/api/preferences/mail",
                    t -> map(
                            "onAssignment",
                            false,
                            "onTeamTask",
                            true,
                            "onReminder",
                            true,
                            "onEscalation",
                            true,
                            "dailyDigest",
                            true),
                    null,
                    null,
                    null,
                    t -> t.read("/api/preferences/mail")),
            new Endpoint(
                    "/api/tasks/reassign",
                    "maria",
                    "POST",
                    t -> "/api/tasks/reassign",
                    t -> map("from", "rob", "to", "rita", "taskIds", List.of(-1)),
                    "to",
                    null,
                    null,
                    t -> t.count("task")));

    static final String LONG_DIGITS = "12345678901234567890";

    static final List<Payload> PAYLOADS = List.of(
            any("malformed JSON", 400, "body", (e, v) -> "{\"a\": "),
            any("trailing garbage", 400, "body", (e, v) -> JSON.writeValueAsString(v) + " {\"x\":1}"),
            any("an array instead of an object", 400, "body", (e, v) -> "[]"),
            any("an unknown field", 400, "isAdmin", (e, v) -> with(v, "isAdmin", true)),
            any("a body over the size limit", 413, "", (e, v) -> with(v, "padding", "x".repeat(1_200_000))),
            text(
                    "a duplicate key",
                    (e, v) -> JSON.writeValueAsString(v).replaceFirst("\\{", "{\"" + e.text() + "\":\"x\",")),
            text("a boolean as text", (e, v) -> with(v, e.text(), true)),
            text("a number as text", (e, v) -> with(v, e.text(), 42)),
            text("only zero-width and no-break spaces", (e, v) -> with(v, e.text(), "\u200B\u00A0\u2007\uFEFF")),
            text("a line break", (e, v) -> with(v, e.text(), "Ann\r\nBcc: all@example.com")),
            text("a bidi override", (e, v) -> with(v, e.text(), "Ann\u202Egnp.exe")),
            text("a NUL character", (e, v) -> with(v, e.text(), "Ann\u0000")),
            text(
                    "a lone surrogate",
                    (e, v) -> JSON.writeValueAsString(v)
                            .replace(
                                    "\"" + e.text() + "\":\"" + v.get(e.text()) + "\"",
                                    "\"" + e.text() + "\":\"Ann\\ud800\"")),
            text("a megabyte-sized string within the body limit", (e, v) -> with(v, e.text(), "y".repeat(500_000))),
            id(
                    "a fractional id",
                    (e, v) -> JSON.writeValueAsString(v)
                            .replace("\"" + e.id() + "\":" + v.get(e.id()), "\"" + e.id() + "\":1.5")),
            id(
                    "a number beyond long",
                    (e, v) -> JSON.writeValueAsString(v)
                            .replace("\"" + e.id() + "\":" + v.get(e.id()), "\"" + e.id() + "\":" + LONG_DIGITS)),
            id(
                    "1e30 for a whole number",
                    (e, v) -> JSON.writeValueAsString(v)
                            .replace("\"" + e.id() + "\":" + v.get(e.id()), "\"" + e.id() + "\":1e30")),
            id("text for a whole number", (e, v) -> with(v, e.id(), "12")),
            date("year 0", "0000-01-01"),
            date("year 99999", "+99999-12-31"),
            date("the smallest LocalDate", "-999999999-01-01"),
            date("not a date", "31/12/2026"));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (Payload p : PAYLOADS) {
                if (p.applies().apply(e) != null) {
                    cases.add(Arguments.of(e, p));
                }
            }
        }
        return cases.stream();
    }

    @BeforeAll
    void fixtures() throws Exception {
        rob = people.findByUsername("rob").orElseThrow().getId();
        account = id(send(
                "maria", "POST", "/api/accounts", JSON.writeValueAsString(map("name", "Target Co", "ownerId", rob))));
        contact =
                id(send("rob", "POST", "/api/accounts/" + account + "/contacts", "{\"fullName\":\"Target Contact\"}"));
        team = id(send("ada", "POST", "/api/teams", "{\"key\":\"hostile-target\",\"name\":\"Target team\"}"));
        person = id(send(
                "ada",
                "POST",
                "/api/people",
                JSON.writeValueAsString(map(
                        "username",
                        "hostile-target",
                        "fullName",
                        "Target Person",
                        "email",
                        "hostile-target@example.com",
                        "password",
                        "secret-123",
                        "roles",
                        List.of("REP"),
                        "teamId",
                        team))));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    void refusesHostileInputWithAProblemNamingTheFieldAndWritesNothing(Endpoint e, Payload p) throws Exception {
        Map<String, Object> valid = e.body().apply(this);
        String body = p.mutation().body(e, valid);
        Object before = e.state().apply(this);

        HttpResponse<String> answer = send(e.user(), e.method(), e.path().apply(this), body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(p.status().apply(e));
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(answer.body());
        String field = p.field().apply(e);
        if (!field.isEmpty()) {
            assertThat(problem.path("errors").has(field)).as(answer.body()).isTrue();
        }
        assertThat(answer.body()).hasSizeLessThan(2_000).doesNotContain("java.", "com.fasterxml", "Exception", "SQL");
        assertThat(e.state().apply(this)).isEqualTo(before);
    }

    private static Payload any(String name, int status, String field, Mutation m) {
        return new Payload(name, e -> "", e -> status, e -> field, m);
    }

    private static Payload text(String name, Mutation m) {
        return new Payload(name, Endpoint::text, e -> 400, Endpoint::text, m);
    }

    private static Payload id(String name, Mutation m) {
        return new Payload(name, Endpoint::id, e -> 400, Endpoint::id, m);
    }

    private static Payload date(String name, String value) {
        return new Payload(
                "a date: " + name, Endpoint::date, e -> 400, Endpoint::date, (e, v) -> with(v, e.date(), value));
    }

    private static String with(Map<String, Object> valid, String field, Object value) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        body.put(field, value);
        return JSON.writeValueAsString(body);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    long version(String table, long id) {
        return jdbc.queryForObject("select version from " + table + " where id = ?", Long.class, id);
    }

    String read(String path) {
        try {
            return send(path.endsWith("/mail") ? "rita" : "ada", "GET", path, null)
                    .body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, application/problem+json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long id(HttpResponse<String> created) throws Exception {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asLong();
    }
}
