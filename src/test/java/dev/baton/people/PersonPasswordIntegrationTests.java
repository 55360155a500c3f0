package dev.baton.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.support.SignedIn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Passwords over real HTTP, with the real database and the remembered password checks on (as
 * configured by default): a person changes their own, an admin sets someone's, and afterwards only the new password signs in, by HTTP Basic
 * and by the sign-in form. Each test makes its own people: the demo users' passwords stay {@code demo}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class PersonPasswordIntegrationTests {

    private static final String OLD = "old-secret-1";
    private static final String NEW = "correct horse battery";

    @Autowired
    TestRestTemplate http;

    @Autowired
    PeopleService people;

    @Autowired
    People repository;

    @Autowired
    AuditEvents audit;

    @Autowired
    JdbcTemplate jdbc;

    /** The old passwords these tests try count against 127.0.0.1 too: not held against other tests. */
    @AfterEach
    void forgetTheseFailedSignIns() {
        jdbc.update("delete from sign_in_failure where username like 'pw-%'");
    }

    @Test
    void aPersonChangesTheirOwnPasswordAndTheOldOneStopsWorkingAtOnce() {
        String name = newUsername();
        long id = newPerson(name, OLD);
        // signed in once with the old password: its check is remembered now
        assertThat(status(http.withBasicAuth(name, OLD).getForEntity("/api/people/me", Map.class)))
                .isEqualTo(200);

        ResponseEntity<Map> changed = changeOwn(name, OLD, Map.of("currentPassword", OLD, "newPassword", NEW));

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(status(http.withBasicAuth(name, OLD).getForEntity("/api/people/me", Map.class)))
                .as("the old password, remembered a moment ago")
                .isEqualTo(401);
        assertThat(status(http.withBasicAuth(name, NEW).getForEntity("/api/people/me", Map.class)))
                .isEqualTo(200);
        assertSignInForm(name, NEW, true);
        assertSignInForm(name, OLD, false);
        assertThat(repository.findById(id).orElseThrow().getPasswordHash()).startsWith("{bcrypt}");
        assertAuditedWithoutSecrets(id, name, "self");
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAtItsFieldCountsAsAFailedSignInAndChangesNothing() {
        String name = newUsername();
        long id = newPerson(name, OLD);
        String hash = hash(id);

        ResponseEntity<Map> refused =
                changeOwn(name, OLD, Map.of("currentPassword", "not-my-password", "newPassword", NEW));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused))
                .containsOnlyKeys("currentPassword")
                .containsEntry("currentPassword", "does not match your current password");
        assertThat(jdbc.queryForObject("select count(*) from sign_in_failure where username = ?", Long.class, name))
                .as("counted by the sign-in throttle")
                .isEqualTo(1);
        assertThat(hash(id)).isEqualTo(hash);
        assertThat(status(http.withBasicAuth(name, NEW).getForEntity("/api/people/me", Map.class)))
                .isEqualTo(401);
        assertThat(passwordEvents(id)).isEmpty();
    }

    @Test
    void aNewPasswordTooShortTooLongOrTheUserNameIsRefusedAtNewPasswordAndChangesNothing() {
        String name = newUsername();
        long id = newPerson(name, OLD);
        String hash = hash(id);
        Map<String, String> refusals = Map.of(
                "nine-char",
                "must be at least 10 characters long",
                // 37 characters, 74 bytes: bcrypt reads 72 bytes at most
                "é".repeat(37),
                "must be at most 72 bytes long (72 plain letters or digits, fewer with accents or other scripts):"
                        + " bcrypt reads no more",
                name.toUpperCase(),
                "must not be the user name",
                "",
                "is required");

        refusals.forEach((newPassword, why) -> {
            ResponseEntity<Map> refused =
                    changeOwn(name, OLD, Map.of("currentPassword", OLD, "newPassword", newPassword));

            assertThat(refused.getStatusCode()).as(newPassword).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(refused)).as(newPassword).isEqualTo(Map.of("newPassword", why));
            ResponseEntity<Map> bySomeAdmin = setByAdmin(id, newPassword);
            assertThat(bySomeAdmin.getStatusCode()).as(newPassword).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(bySomeAdmin)).as(newPassword).isEqualTo(Map.of("newPassword", why));
        });
        Map<String, Object> missing = new HashMap<>();
        missing.put("currentPassword", OLD);
        assertThat(errors(changeOwn(name, OLD, missing))).isEqualTo(Map.of("newPassword", "is required"));
        assertThat(hash(id)).isEqualTo(hash);
        assertThat(passwordEvents(id)).isEmpty();
    }

    @Test
    void anAdminSetsTheUnusablePasswordOfSomeoneAPeopleImportCreated() {
        String name = newUsername();
        long id = imported(name);
        assertThat(status(http.withBasicAuth(name, NEW).getForEntity("/api/people/me", Map.class)))
                .isEqualTo(401);

        assertThat(setByAdmin(id, NEW).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(status(http.withBasicAuth(name, NEW).getForEntity("/api/people/me", Map.class)))
                .isEqualTo(200);
        assertSignInForm(name, NEW, true);
        assertAuditedWithoutSecrets(id, name, "admin");
        assertThat(passwordEvents(id)).extracting(AuditEvent::getActor).containsExactly("ada");
    }

    @Test
    void anAdminsNewPasswordReplacesTheOldOneAtOnce() {
        String name = newUsername();
        long id = newPerson(name, OLD);
        assertThat(status(http.withBasicAuth(name, OLD).getForEntity("/api/people/me", Map.class)))
                .isEqualTo(200);

        assertThat(setByAdmin(id, NEW).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(status(http.withBasicAuth(name, OLD).getForEntity("/api/people/me", Map.class)))
                .isEqualTo(401);
        assertThat(status(http.withBasicAuth(name, NEW).getForEntity("/api/people/me", Map.class)))
                .isEqualTo(200);
    }

    @Test
    void onlyAdminsSetSomeoneElsesPassword() {
        String name = newUsername();
        long id = newPerson(name, OLD);
        String hash = hash(id);

        ResponseEntity<Map> byRep = http.withBasicAuth("rob", "demo")
                .exchange("/api/people/" + id + "/password", HttpMethod.PUT, body("newPassword", NEW), Map.class);
        ResponseEntity<Map> byManager = http.withBasicAuth("maria", "demo")
                .exchange("/api/people/" + id + "/password", HttpMethod.PUT, body("newPassword", NEW), Map.class);

        assertThat(byRep.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byManager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(hash(id)).isEqualTo(hash);
        assertThat(setByAdmin(Long.MAX_VALUE, NEW).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anInactivePersonsPasswordMayBeSetButTheyStillCannotSignIn() {
        String name = newUsername();
        long id = newPerson(name, OLD);
        people.deactivate(id);

        assertThat(setByAdmin(id, NEW).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(status(http.withBasicAuth(name, NEW).getForEntity("/api/people/me", Map.class)))
                .isEqualTo(401);
        assertSignInForm(name, NEW, false);
        assertThat(passwordEvents(id)).hasSize(1);
    }

    private ResponseEntity<Map> changeOwn(String username, String password, Map<String, ?> body) {
        return http.withBasicAuth(username, password)
                .exchange("/api/people/me/password", HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }

    private ResponseEntity<Map> setByAdmin(long id, String newPassword) {
        return http.withBasicAuth("ada", "demo")
                .exchange(
                        "/api/people/" + id + "/password", HttpMethod.PUT, body("newPassword", newPassword), Map.class);
    }

    private static HttpEntity<Map<String, String>> body(String field, String value) {
        return new HttpEntity<>(Map.of(field, value));
    }

    private void assertSignInForm(String username, String password, boolean signsIn) {
        assertThat(SignedIn.postSignIn(http.getRootUri(), username, password)
                        .headers()
                        .firstValue("Location"))
                .as("%s signs in through the form with %s", username, password)
                .hasValueSatisfying(l -> assertThat(l.contains("/login")).isEqualTo(!signsIn));
    }

    private void assertAuditedWithoutSecrets(long id, String username, String setBy) {
        List<AuditEvent> events = passwordEvents(id);
        assertThat(events).hasSize(1);
        AuditEvent event = events.get(0);
        assertThat(event.getActor()).isEqualTo("self".equals(setBy) ? username : "ada");
        assertThat(event.getAfterState()).isEqualTo(Map.of("username", username, "setBy", setBy));
        String row = jdbc.queryForObject(
                "select concat_ws('|', before_state::text, after_state::text) from audit_event where id = ?",
                String.class,
                event.getId());
        assertThat(row).doesNotContain(OLD, NEW, hash(id), "bcrypt");
    }

    private List<AuditEvent> passwordEvents(long id) {
        return audit.findByEntityTypeAndEntityIdOrderByAt("person", id).stream()
                .filter(e -> e.getAction().equals("person.password-changed"))
                .toList();
    }

    private String hash(long id) {
        return repository.findById(id).orElseThrow().getPasswordHash();
    }

    private static int status(ResponseEntity<?> response) {
        return response.getStatusCode().value();
    }

    private static Map<String, Object> errors(ResponseEntity<Map> response) {
        return (Map<String, Object>) response.getBody().get("errors");
    }

    private static String newUsername() {
        return "pw-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long newPerson(String username, String password) {
        return people.create(new NewPerson(
                        username,
                        "New " + username,
                        username + "@baton.example",
                        password,
                        Set.of(Role.REP),
                        null,
                        null))
                .id();
    }

    /** A person as a people import creates them: with an unusable password. */
    private long imported(String username) {
        ResponseEntity<Map> started = http.withBasicAuth("ada", "demo")
                .postForEntity(
                        "/api/imports?kind=PEOPLE&source=BATON&dryRun=false",
                        dev.baton.support.Multipart.texts(
                                "file",
                                Map.of(
                                        "people.csv",
                                        "email,username,full_name,roles\n" + username + "@baton.example," + username
                                                + ",Imported " + username + ",REP\n")),
                        Map.class);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> repository.findByUsername(username).isPresent());
        return repository.findByUsername(username).orElseThrow().getId();
    }
}
