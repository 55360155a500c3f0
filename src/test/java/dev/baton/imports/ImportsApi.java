package dev.baton.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.people.NewPerson;
import dev.baton.people.PeopleService;
import dev.baton.people.Role;
import dev.baton.support.Multipart;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The import API as the import tests drive it: an admin's client starts an import and waits for it. */
public final class ImportsApi {

    private ImportsApi() {}

    /** {@code admin} uploads a people file of Baton's own template; the import's id (202 asserted). */
    public static long startPeople(TestRestTemplate admin, boolean dryRun, String csv) {
        return start(admin, "PEOPLE", dryRun, csv);
    }

    /** {@code admin} uploads a file of {@code kind} in Baton's own template; the import's id (202 asserted). */
    public static long start(TestRestTemplate admin, String kind, boolean dryRun, String csv) {
        return start(admin, kind, "BATON", dryRun, csv);
    }

    /** {@code admin} uploads a file of {@code kind} exported from {@code source}; the import's id (202 asserted). */
    public static long start(TestRestTemplate admin, String kind, String source, boolean dryRun, String csv) {
        ResponseEntity<Map> started = upload(admin, kind, source, dryRun, csv);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return ((Number) started.getBody().get("id")).longValue();
    }

    /** {@code admin} uploads a file of {@code kind} exported from {@code source}; the answer as it comes. */
    public static ResponseEntity<Map> upload(
            TestRestTemplate admin, String kind, String source, boolean dryRun, String csv) {
        return admin.postForEntity(
                "/api/imports?kind=" + kind + "&source=" + source + "&dryRun=" + dryRun,
                Multipart.texts("file", Map.of(kind.toLowerCase(java.util.Locale.ROOT) + ".csv", csv)),
                Map.class);
    }

    /** The import once it is neither queued nor running (30 s at most), as {@code GET /api/imports/{id}} answers. */
    public static Map finished(TestRestTemplate admin, long id) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin.getForObject("/api/imports/" + id, Map.class),
                        job -> !List.of("QUEUED", "RUNNING").contains(job.get("status")));
    }

    /** A new active person with one role, {@code <username>@baton.example}; their id. */
    public static long newPerson(PeopleService people, String username, Role role, Long managerId) {
        return people.create(new NewPerson(
                        username,
                        "New " + username,
                        username + "@baton.example",
                        "secret-123",
                        Set.of(role),
                        null,
                        managerId))
                .id();
    }

    /** A finished import's {@code errors} or {@code notices}, each as "row column: problem". */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<String> listed(Map result, String list) {
        return ((List<Map>) result.get(list))
                .stream()
                        .map(e -> e.get("row") + " " + e.get("column") + ": " + e.get("problem"))
                        .toList();
    }
}
