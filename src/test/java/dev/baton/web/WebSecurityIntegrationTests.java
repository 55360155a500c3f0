package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.support.SignedIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Headers, the session cookie, the sign-in throttle, HTTP Basic's place, and the sort allow-lists. */
class WebSecurityIntegrationTests extends EngineIntegrationTest {

    /** A script element without src, an event-handler attribute, a javascript: URL, or a style attribute. */
    static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    @Autowired
    People people;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pagesCarryAPolicyWithoutInlineScriptAndHaveNoneInline() {
        List<String> pages = new ArrayList<>(List.of(
                "/tasks",
                "/tasks/history",
                "/accounts",
                "/commitments",
                "/handovers",
                "/handovers/new",
                "/absences",
                "/absences/today",
                "/preferences"));
        Map account = as("ada").getForObject("/api/accounts?size=1", Map.class);
        pages.add("/accounts/" + ((Map) ((List) account.get("content")).get(0)).get("id"));

        for (String page : pages) {
            ResponseEntity<String> served = SignedIn.as(http, "maria").getForEntity(page, String.class);
            assertThat(served.getStatusCode().value()).as(page).isEqualTo(200);
            assertThat(INLINE.matcher(served.getBody()).find())
                    .as("inline script or style on " + page)
                    .isFalse();
            assertPolicies(served.getHeaders(), "script-src 'self'");
        }
        ResponseEntity<String> signIn = http.getForEntity("/login", String.class);
        assertThat(INLINE.matcher(signIn.getBody()).find()).isFalse();
        assertPolicies(signIn.getHeaders(), "script-src 'self'");
        assertThat(signIn.getHeaders().getFirst("Content-Security-Policy"))
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void apiAnswersCarryAPolicyThatRendersNothing() {
        assertPolicies(as("rob").getForEntity("/api/people/me", String.class).getHeaders(), "default-src 'none'");
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() {
        String cookie = http.getForEntity("/login", String.class).getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();

        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly");
    }

    @Test
    void pagesTakeNoHttpBasicOnlyTheApiDoes() {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(uri("/tasks")).header("Authorization", basic("rob", "demo")));
        HttpResponse<String> api =
                send(HttpRequest.newBuilder(uri("/api/people/me")).header("Authorization", basic("rob", "demo")));

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(api.statusCode()).isEqualTo(200);
    }

    /**
     * Found by a probe: the OpenAPI document answered an API client's HTTP Basic with a 302 to the
     * sign-in page. With credentials it is the API's; without, a page of the UI as before.
     */
    @Test
    void theOpenApiDocumentTakesHttpBasicAsTheApiDoes() {
        HttpResponse<String> docs =
                send(HttpRequest.newBuilder(uri("/v3/api-docs")).header("Authorization", basic("rob", "demo")));
        HttpResponse<String> wrong =
                send(HttpRequest.newBuilder(uri("/v3/api-docs")).header("Authorization", basic("rob", "wrong")));
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/v3/api-docs")));

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/api/people/me\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Baton\"");
        assertThat(none.statusCode()).isEqualTo(302);
        assertThat(none.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    /** Over plain HTTP: a client library that honours Retry-After would wait out the pause instead. */
    @Test
    void fifteenWrongPasswordsThenTheRightOneIsRefusedOverTheApi() {
        String username = newPerson();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            statuses.add(send(HttpRequest.newBuilder(uri("/api/people/me"))
                            .header("Authorization", basic(username, "wrong-" + i)))
                    .statusCode());
        }
        HttpResponse<String> right =
                send(HttpRequest.newBuilder(uri("/api/people/me")).header("Authorization", basic(username, "demo")));

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 15)).containsOnly(429);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        assertThat(right.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(right.body()).contains("\"detail\":\"too many failed sign-ins: try again in");
    }

    /**
     * A remembered password check (RememberedPasswordChecks) spares bcrypt only: a password changed since,
     * a deactivation and the throttle still refuse at once.
     */
    @Test
    void aRememberedPasswordStillLosesToAChangeADeactivationAndTheThrottle() {
        String changed = newPerson();
        assertThat(status(changed, "demo")).isEqualTo(200);
        assertThat(status(changed, "demo")).isEqualTo(200);
        jdbc.update("update person set password_hash = ? where username = ?", passwords.encode("n3w"), changed);
        assertThat(status(changed, "demo")).isEqualTo(401);
        assertThat(status(changed, "n3w")).isEqualTo(200);

        String leaver = newPerson();
        assertThat(status(leaver, "demo")).isEqualTo(200);
        jdbc.update("update person set active = false where username = ?", leaver);
        assertThat(status(leaver, "demo")).isEqualTo(401);

        String guessedAt = newPerson();
        assertThat(status(guessedAt, "demo")).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(status(guessedAt, "wrong-" + i)).isEqualTo(401);
        }
        assertThat(status(guessedAt, "demo")).isEqualTo(429);
    }

    private int status(String username, String password) {
        return send(HttpRequest.newBuilder(uri("/api/people/me")).header("Authorization", basic(username, password)))
                .statusCode();
    }

    @Test
    void theSignInPageSaysSoWhenSigningInIsPaused() {
        String username = newPerson();
        for (int i = 0; i < 5; i++) {
            assertThat(SignedIn.postSignIn(http.getRootUri(), username, "wrong")
                            .headers()
                            .firstValue("Location")
                            .orElseThrow())
                    .endsWith("/login?error");
        }

        HttpResponse<String> right = SignedIn.postSignIn(http.getRootUri(), username, "demo");

        assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/login?throttled");
        assertThat(send(HttpRequest.newBuilder(uri("/login?throttled"))).body())
                .contains("Too many failed sign-ins", "15</span> minutes");
    }

    /**
     * Sign-ins with a user name nobody has yet (the sandbox's first calls, before its demo people were
     * created) must not lock the person who gets that name.
     */
    @Test
    void failuresBeforeAPersonExistedDoNotLockThemButLaterOnesDo() throws InterruptedException {
        String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        String address = "192.0.2." + (int) (Math.random() * 200);
        for (int i = 0; i < 5; i++) {
            throttle.failed(username, address);
        }
        assertThatThrownBy(() -> throttle.check(username, address))
                .as("nobody has the name yet: guesses at it lock it all the same, telling nothing")
                .isInstanceOf(SignInThrottle.Throttled.class);
        Thread.sleep(5); // the person is created after the failures, as in the sandbox

        people.save(new Person(
                username, "Throttle Test", username + "@example.com", passwords.encode("demo"), Set.of(Role.REP)));

        throttle.check(username, address);
        for (int i = 0; i < 5; i++) {
            throttle.failed(username, address);
        }
        assertThatThrownBy(() -> throttle.check(username, address)).isInstanceOf(SignInThrottle.Throttled.class);
    }

    @Test
    void manyFailuresFromOneAddressPauseEveryUserNameFromIt() {
        String address = "203.0.113." + (int) (Math.random() * 200);
        for (int i = 0; i < 30; i++) {
            throttle.failed("guess-" + i, address);
        }

        assertThatThrownBy(() -> throttle.check("someone-else", address)).isInstanceOf(SignInThrottle.Throttled.class);
        throttle.check("someone-else", "198.51.100.1");
    }

    @Test
    void sortingByAnythingButTheAllowedFieldsIsABadRequestNamingThem() {
        ResponseEntity<Map> hash = as("rob").getForEntity("/api/people?sort=passwordHash", Map.class);
        ResponseEntity<Map> ownersHash =
                as("rob").getForEntity("/api/accounts?sort=owner.passwordHash,desc", Map.class);
        ResponseEntity<Map> unknown = as("rob").getForEntity("/api/commitments?sort=nonsense", Map.class);
        ResponseEntity<Map> fixed = as("maria").getForEntity("/api/handovers?sort=createdAt", Map.class);
        ResponseEntity<Map> allowed =
                as("rob").getForEntity("/api/accounts?sort=renewalDate,desc&sort=name", Map.class);

        assertThat(hash.getStatusCode().value()).isEqualTo(400);
        assertThat((Map<String, String>) hash.getBody().get("errors"))
                .containsEntry(
                        "sort",
                        "'passwordHash' is not a sort field here; use one of username, fullName, email, createdAt (or id)");
        assertThat(ownersHash.getStatusCode().value()).isEqualTo(400);
        assertThat((String) ownersHash.getBody().get("detail"))
                .contains("name, segment, territory, renewalDate, createdAt");
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(fixed.getStatusCode().value()).isEqualTo(400);
        assertThat((String) fixed.getBody().get("detail")).contains("fixed order");
        assertThat(allowed.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void listsAnsweredWithoutAPageableRefuseAnySortNamingIt() {
        for (String list : List.of(
                "/api/audit",
                "/api/data-quality/findings?kind=STALE_CONTACT",
                "/api/admin/mail/failed",
                "/api/playbooks")) {
            String sorted = list + (list.contains("?") ? "&" : "?") + "sort=nonsense";
            ResponseEntity<Map> refused = as("ada").getForEntity(sorted, Map.class);

            assertThat(refused.getStatusCode().value()).as(sorted).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat((Map<String, String>) refused.getBody().get("errors"))
                    .as(sorted)
                    .isEqualTo(Map.of("sort", "this list has a fixed order and cannot be sorted"));
            assertThat(as("ada")
                            .getForEntity(list, String.class)
                            .getStatusCode()
                            .value())
                    .as(list)
                    .isEqualTo(200);
        }
    }

    private void assertPolicies(HttpHeaders headers, String csp) {
        assertThat(headers.getFirst("Content-Security-Policy")).contains(csp).contains("frame-ancestors 'none'");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(headers.getFirst("Permissions-Policy")).contains("camera=()");
    }

    @Test
    void aBrowserSessionHoldsAsThePersonIsNowNotAsAtSignIn() {
        String username = "session-" + UUID.randomUUID().toString().substring(0, 8);
        people.save(new Person(
                username, "Session Test", username + "@example.com", passwords.encode("demo"), Set.of(Role.MANAGER)));
        TestRestTemplate browser = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(http.getRootUri())
                .redirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .defaultHeader(HttpHeaders.COOKIE, SignedIn.signIn(http.getRootUri(), username, "demo")));
        assertThat(browser.getForEntity("/people", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // made a rep: the manager's pages are refused at the next click, not at the next sign-in
        jdbc.update(
                "update person_role set role = 'REP' where person_id = (select id from person where username = ?)",
                username);
        assertThat(browser.getForEntity("/people", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(browser.getForEntity("/tasks", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // and a manager again
        jdbc.update(
                "update person_role set role = 'MANAGER' where person_id = (select id from person where username = ?)",
                username);
        assertThat(browser.getForEntity("/people", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // deactivated: signed out, sent to the sign-in page, and the old session stays out
        jdbc.update("update person set active = false where username = ?", username);
        ResponseEntity<String> out = browser.getForEntity("/tasks", String.class);
        assertThat(out.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(out.getHeaders().getLocation()).hasPath("/login");
        jdbc.update("update person set active = true where username = ?", username);
        assertThat(browser.getForEntity("/tasks", String.class).getStatusCode()).isEqualTo(HttpStatus.FOUND);
    }

    private String newPerson() {
        String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        people.save(new Person(
                username, "Throttle Test", username + "@example.com", passwords.encode("demo"), Set.of(Role.REP)));
        return username;
    }

    private URI uri(String path) {
        return URI.create(http.getRootUri() + path);
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
