package dev.baton.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.support.SignedIn;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * configured by default): a person changes their own (API and preferences form), an admin sets
 * someone's (API and the person's page), and afterwards only the new password signs in, by HTTP Basic
 * and by the sign-in form. Each test makes its own people: the demo users' passwords stay {@code demo}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class PersonPasswordIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
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

    @Autowired
    PeopleImports peopleImports;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

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

    @Test
    void aPersonChangesTheirOwnPasswordOnThePreferencesPage() throws Exception {
        String name = newUsername();
        long id = newPerson(name, OLD);
        Browser browser = new Browser(name, OLD);
        String page = browser.get("/preferences");
        assertThat(page).contains("name=\"currentPassword\"", "name=\"newPassword\"", "name=\"newPasswordAgain\"");

        // refused: wrong current password and a new one typed differently twice; nothing changes
        HttpResponse<String> refused = browser.post(
                "/preferences/password",
                page,
                Map.of("currentPassword", OLD, "newPassword", NEW, "newPasswordAgain", NEW + "!"));
        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/preferences"));
        String marked = browser.get("/preferences");
        assertThat(marked).contains("Password not changed", "does not match the new password", "aria-invalid=\"true\"");
        assertThat(marked).doesNotContain(NEW, OLD);
        assertThat(passwordEvents(id)).isEmpty();
        // without the form's CSRF token: refused too
        assertThat(browser.postWithoutToken(
                                "/preferences/password",
                                Map.of("currentPassword", OLD, "newPassword", NEW, "newPasswordAgain", NEW))
                        .statusCode())
                .isEqualTo(403);

        browser.post(
                "/preferences/password",
                marked,
                Map.of("currentPassword", OLD, "newPassword", NEW, "newPasswordAgain", NEW));

        assertThat(browser.get("/preferences")).contains("Your password is changed");
        assertThat(status(http.withBasicAuth(name, OLD).getForEntity("/api/people/me", Map.class)))
                .isEqualTo(401);
        assertSignInForm(name, NEW, true);
        assertAuditedWithoutSecrets(id, name, "self");
    }

    @Test
    void anAdminSetsAPasswordOnThePersonsPageAndOthersCannot() throws Exception {
        String name = newUsername();
        long id = imported(name);
        Browser ada = new Browser("ada", "demo");
        String page = ada.get("/people/" + id);
        assertThat(page).contains("Set password", "name=\"newPassword\"");

        ada.post("/people/" + id + "/password", page, Map.of("newPassword", "short", "newPasswordAgain", "short"));
        assertThat(ada.get("/people/" + id)).contains("must be at least 10 characters long");
        assertThat(passwordEvents(id)).isEmpty();

        ada.post("/people/" + id + "/password", page, Map.of("newPassword", NEW, "newPasswordAgain", NEW));

        assertThat(ada.get("/people/" + id)).contains("The password is set");
        assertSignInForm(name, NEW, true);
        Browser rob = new Browser("rob", "demo");
        assertThat(rob.post(
                                "/people/" + id + "/password",
                                rob.get("/preferences"),
                                Map.of("newPassword", "another-one-2", "newPasswordAgain", "another-one-2"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(status(http.withBasicAuth(name, NEW).getForEntity("/api/people/me", Map.class)))
                .isEqualTo(200);
    }

    @Test
    void changingMyPasswordSignsOutMyOtherSessionsAndKeepsThisOne() throws Exception {
        String name = newUsername();
        newPerson(name, OLD);
        Browser here = new Browser(name, OLD);
        Browser laptop = new Browser(name, OLD);
        Browser script = new Browser(name, OLD);
        String sessionBefore = here.sessionId();
        String page = here.get("/preferences");

        here.post(
                "/preferences/password",
                page,
                Map.of("currentPassword", OLD, "newPassword", NEW, "newPasswordAgain", NEW));

        assertSignedOut(laptop, "/login?ended");
        assertThat(laptop.request("/tasks", "text/html").statusCode())
                .as("and stays out")
                .isEqualTo(302);
        HttpResponse<String> json = script.request("/people/suggestions?q=a", "application/json");
        assertThat(json.statusCode()).as("a page's script asking for JSON").isEqualTo(401);
        assertThat(json.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(json.body()).contains("your sessions were ended");
        assertThat(here.get("/preferences")).contains("Your password is changed", "You stay signed in here");
        assertThat(here.get("/tasks")).contains(name);
        assertThat(here.sessionId()).as("a new session id after the change").isNotEqualTo(sessionBefore);
        assertThat(http.getForObject("/login?ended", String.class).replaceAll("\\s+", " "))
                .contains("You were signed out here", "your password was changed");
        // signing in again with the new password holds
        Browser again = new Browser(name, NEW);
        assertThat(again.get("/tasks")).contains(name);
        assertThat(again.get("/preferences")).contains(name);
    }

    @Test
    void anAdminSettingSomeonesPasswordSignsOutEveryOneOfTheirSessions() throws Exception {
        String name = newUsername();
        long id = newPerson(name, OLD);
        Browser first = new Browser(name, OLD);
        Browser second = new Browser(name, OLD);
        Browser ada = new Browser("ada", "demo");

        ada.post(
                "/people/" + id + "/password",
                ada.get("/people/" + id),
                Map.of("newPassword", NEW, "newPasswordAgain", NEW));

        assertSignedOut(first, "/login?ended");
        assertSignedOut(second, "/login?ended");
        assertThat(ada.get("/people/" + id)).contains("The password is set", "signed out everywhere");
        // over the API too, and the person's new sessions hold
        Browser third = new Browser(name, NEW);
        assertThat(setByAdmin(id, "yet another one").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertSignedOut(third, "/login?ended");
        assertThat(new Browser(name, "yet another one").get("/tasks")).contains(name);
    }

    /** Found by a probe: an admin setting their own password was told "they are signed out everywhere". */
    @Test
    void anAdminSettingTheirOwnPasswordOnTheirPageStaysSignedInThereAndIsToldSo() throws Exception {
        String name = newUsername();
        long id = newPerson(name, OLD, Role.ADMIN);
        Browser here = new Browser(name, OLD);
        Browser elsewhere = new Browser(name, OLD);

        here.post(
                "/people/" + id + "/password",
                here.get("/people/" + id),
                Map.of("newPassword", NEW, "newPasswordAgain", NEW));

        assertSignedOut(elsewhere, "/login?ended");
        assertThat(here.get("/people/" + id))
                .contains("Your password is set", "you stay signed in here")
                .doesNotContain("they are signed out everywhere");
    }

    @Test
    void aDeactivatedPersonsSessionsStayEndedWhenTheyAreReactivated() throws Exception {
        String name = newUsername();
        long id = newPerson(name, OLD);
        Browser browser = new Browser(name, OLD);

        people.deactivate(id);
        jdbc.update("update person set active = true where id = ?", id); // as a people import reactivates

        assertSignedOut(browser, "/login?ended");
        Browser signedOutNow = new Browser(name, OLD);
        people.deactivate(id);
        assertSignedOut(signedOutNow, "/login?inactive");
    }

    /** Found by a probe: a people import deactivated someone without ending their sessions. */
    @Test
    void aPeopleImportDeactivatingSomeoneEndsTheirSessionsThoughAnotherReactivatesThem() throws Exception {
        String name = newUsername();
        newPerson(name, OLD);
        Browser browser = new Browser(name, OLD);

        importActive(name, false);
        importActive(name, true);

        assertSignedOut(browser, "/login?ended");
    }

    private void importActive(String username, boolean active) {
        transactions.executeWithoutResult(tx -> peopleImports.upsertPeople(
                "BATON",
                List.of(new PeopleImports.ImportedPerson(
                        null,
                        username,
                        username + "@baton.example",
                        "New " + username,
                        false,
                        null,
                        null,
                        active,
                        null))));
    }

    private static void assertSignedOut(Browser browser, String to) throws Exception {
        HttpResponse<String> page = browser.request("/tasks", "text/html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(to));
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
        return newPerson(username, password, Role.REP);
    }

    private long newPerson(String username, String password, Role role) {
        return people.create(new NewPerson(
                        username, "New " + username, username + "@baton.example", password, Set.of(role), null, null))
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

    /** A browser session signed in through the form, not following redirects. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Browser(String username, String password) throws Exception {
            Matcher token = CSRF.matcher(get("/login"));
            assertThat(token.find()).isTrue();
            HttpResponse<String> signedIn = send(
                    "/login",
                    "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                            + encode(token.group(1)));
            assertThat(signedIn.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
        }

        String get(String path) throws Exception {
            HttpResponse<String> page = request(path, "text/html");
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            return page.body();
        }

        HttpResponse<String> request(String path, String accept) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                            .header("Accept", accept)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID"))
                    .map(java.net.HttpCookie::getValue)
                    .findFirst()
                    .orElseThrow();
        }

        /** Posts the form fields with the CSRF token of {@code page} (a page of this session). */
        HttpResponse<String> post(String path, String page, Map<String, String> fields) throws Exception {
            Matcher token = CSRF.matcher(page);
            assertThat(token.find()).as("CSRF token on the page").isTrue();
            return send(path, form(fields) + "&_csrf=" + encode(token.group(1)));
        }

        HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) throws Exception {
            return send(path, form(fields));
        }

        private HttpResponse<String> send(String path, String form) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private String form(Map<String, String> fields) {
            StringBuilder form = new StringBuilder();
            fields.forEach((k, v) ->
                    form.append(form.isEmpty() ? "" : "&").append(k).append('=').append(encode(v)));
            return form.toString();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
