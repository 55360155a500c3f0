package dev.baton.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * A browser's session for the UI pages, which take no HTTP Basic: signs in through the sign-in form
 * once per person and app (password {@code demo}), then sends the session cookie on every request.
 */
public final class SignedIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    /**
     * Sessions per app (its TestRestTemplate: one per Spring context) and person. Not keyed by the
     * root URI: a context closed by the test context cache frees its random port, a later context may
     * get the same port, and a session of the old app would then be a stranger there (its pages answer
     * with the sign-in page).
     */
    private static final Map<TestRestTemplate, Map<String, Session>> SESSIONS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * How long a session is reused: the server forgets one left idle for 30 minutes (the servlet container's
     * default), and a context cached early in a slow suite (46 minutes on a loaded machine) answered later pages of
     * a person signed in at its start with the sign-in page.
     */
    private static final Duration REUSED_FOR = Duration.ofMinutes(10);

    private record Session(TestRestTemplate http, Instant signedInAt) {}

    private SignedIn() {}

    public static TestRestTemplate as(TestRestTemplate http, String username) {
        return SESSIONS.computeIfAbsent(http, app -> new ConcurrentHashMap<>())
                .compute(username, (key, session) -> {
                    if (session != null
                            && session.signedInAt().isAfter(Instant.now().minus(REUSED_FOR))) {
                        return session;
                    }
                    String cookie = signIn(http.getRootUri(), username, "demo");
                    return new Session(
                            new TestRestTemplate(new RestTemplateBuilder()
                                    .rootUri(http.getRootUri())
                                    .defaultHeader(org.springframework.http.HttpHeaders.COOKIE, cookie)),
                            Instant.now());
                })
                .http();
    }

    /**
     * Headers for posting a page's form as its browser would: form-encoded, with the CSRF token the
     * page carries (fails the test when the page has none).
     */
    public static org.springframework.http.HttpHeaders formOf(String page) {
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the page's CSRF token").isTrue();
        org.springframework.http.HttpHeaders form = new org.springframework.http.HttpHeaders();
        form.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        form.set("X-CSRF-TOKEN", csrf.group(1));
        return form;
    }

    /**
     * Posts a form of the page at {@code formPage} as its browser would (with that page's CSRF token) and returns
     * what the person sees next, unescaped: the answer and the page at {@code formPage} read after it, which shows
     * the flash message when the client followed the redirect without the session.
     *
     * @param fields form-encoded, e.g. {@code "to=rob"}; empty for a button alone
     */
    public static String submit(TestRestTemplate user, String formPage, String action, String fields) {
        org.springframework.http.HttpHeaders form = formOf(user.getForObject(formPage, String.class));
        String answer = user.postForEntity(
                        action, new org.springframework.http.HttpEntity<>(fields, form), String.class)
                .getBody();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(answer + user.getForObject(formPage, String.class));
    }

    /** Signs in through the form and returns the session cookie ({@code JSESSIONID=...}). */
    public static String signIn(String rootUri, String username, String password) {
        HttpResponse<String> signedIn = postSignIn(rootUri, username, password);
        assertThat(signedIn.headers().firstValue("Location"))
                .as(username + " signed in")
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
        return sessionCookie(signedIn.headers());
    }

    /** The sign-in form posted with a fresh session and its CSRF token; redirects are not followed. */
    public static HttpResponse<String> postSignIn(String rootUri, String username, String password) {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try {
            HttpResponse<String> page = browser.send(
                    HttpRequest.newBuilder(URI.create(rootUri + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("CSRF token on the sign-in page").isTrue();
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                    + encode(token.group(1));
            return browser.send(
                    HttpRequest.newBuilder(URI.create(rootUri + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", sessionCookie(page.headers()))
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sessionCookie(HttpHeaders headers) {
        return headers.allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";", 2)[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + headers.allValues("Set-Cookie")));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
