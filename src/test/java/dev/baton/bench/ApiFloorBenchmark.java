package dev.baton.bench;

import dev.baton.web.SignInThrottle;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What an API call costs before its own work, step by step, taking turns (see {@link Timings}): a static
 * file (HTTP and the security filters, no sign-in); an unknown API path (HTTP, HTTP Basic's sign-in,
 * MVC's 404 as problem details); {@code GET /api/people/me} (the benchmarks' "floor": that, plus one
 * person read in a transaction, and JSON); and the sign-in's own SQL (the throttle's query and the
 * person's): the throttle's check as it runs, the person's read raw. The caller's password is a bcrypt hash, remembered after the first call, as a
 * real API client's is. Prints figures; asserts nothing (see README, Benchmarks).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFloorBenchmark {

    static final int RUNS = Integer.getInteger("bench.runs", 1000);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    SignInThrottle throttle;

    @Test
    void whatAnApiCallCostsBeforeItsOwnWork() {
        String username = "bench-floor-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update(
                "insert into person (username, email, full_name, password_hash) values (?, ?, 'Bench floor', ?)",
                username,
                username + "@example.com",
                passwords.encode("x"));
        jdbc.update(
                "insert into person_role (person_id, role) select id, 'REP' from person where username = ?", username);
        TestRestTemplate api = http.withBasicAuth(username, "x"); // one client: its connections are kept
        List<String> names = List.of(
                "static file, no sign-in",
                "unknown API path (sign-in, 404)",
                "GET /api/people/me (floor)",
                "sign-in's SQL (throttle, person)",
                "select 1, raw");
        double[][] t = Timings.interleaved(
                RUNS,
                List.of(
                        () -> expect(http.getForEntity("/css/baton.css", String.class), 200),
                        () -> expect(api.getForEntity("/api/no-such-thing", String.class), 404),
                        () -> expect(api.getForEntity(Timings.FLOOR, String.class), 200),
                        () -> {
                            throttle.check(username, "127.0.0.1"); // its own query, not a copy
                            return jdbc.queryForList(
                                    "select p.username, p.password_hash, p.active, t.key team_key, array(select r.role"
                                            + " from person_role r where r.person_id = p.id order by r.role) roles"
                                            + " from person p left join team t on t.id = p.team_id where p.username = ?",
                                    username);
                        },
                        () -> jdbc.queryForObject("select 1", Integer.class)));
        System.out.printf(
                "%nAPI floor, %d runs each after %d rounds of warm-up; load average %s%n",
                RUNS, Timings.WARM_UP, Timings.loadAverage());
        for (int i = 0; i < names.size(); i++) {
            System.out.printf("  %-34s p50 %6.2f ms  p95 %6.2f ms%n", names.get(i), t[i][0], t[i][1]);
        }
    }

    private static Object expect(ResponseEntity<String> answer, int status) {
        if (answer.getStatusCode().value() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.getStatusCode());
        }
        return answer;
    }
}
