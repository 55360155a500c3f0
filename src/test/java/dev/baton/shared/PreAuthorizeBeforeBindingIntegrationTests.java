package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.support.Multipart;
import dev.baton.support.SignedIn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.annotation.SecurityAnnotationScanners;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Someone an endpoint's {@code @PreAuthorize} refuses is refused before Baton reads what they sent: a
 * malformed or incomplete body, a bad parameter or a path id that is no number is the 403 a valid request
 * gets, never a 400, 415 or 422 that tells them the shape of an endpoint they may not use (session 41's
 * probe, F7). Walks every handler carrying {@code @PreAuthorize} in the application's own request
 * mappings, so a new endpoint is covered without anyone remembering to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PreAuthorizeBeforeBindingIntegrationTests {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Demo people tried in turn for the one an endpoint refuses: a rep first, then the other roles. */
    static final List<String> CANDIDATES = List.of("rob", "cora", "olga", "maria", "ada");

    static final Set<HttpMethod> WITH_BODY =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MethodSecurityExpressionHandler expressions;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApplicationContext context;

    /** Per person, the headers of a form post from their browser session (its CSRF token). */
    private final Map<String, HttpHeaders> forms = new java.util.HashMap<>();

    @Test
    void everyRoleRestrictedEndpointRefusesBeforeReadingTheRequest() {
        List<String> answered = new ArrayList<>();
        int walked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = mapping.getValue();
            PreAuthorize rule = SecurityAnnotationScanners.requireUnique(PreAuthorize.class)
                    .scan(handler.getMethod(), handler.getBeanType());
            if (rule == null
                    || PreAuthorizeBeforeBinding.readsVariables(
                            expressions.getExpressionParser().parseExpression(rule.value()))) {
                continue; // no rule, or one only the method interceptor can decide (after binding)
            }
            String refused = refusedBy(handler);
            if (refused == null) {
                continue; // the rule grants every demo person
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                for (HttpMethod method : methods(mapping.getKey())) {
                    walked++;
                    ResponseEntity<String> answer = malformed(refused, method, pattern, mapping.getKey(), handler);
                    if (answer.getStatusCode().value() != 403) {
                        answered.add(method + " " + pattern + " as " + refused + " → "
                                + answer.getStatusCode().value() + " " + Text.clip(answer.getBody(), 200));
                    }
                    if (negotiates(mapping.getKey())) {
                        walked++;
                        ResponseEntity<String> mistyped = mistyped(refused, method, pattern, mapping.getKey());
                        if (mistyped.getStatusCode().value() != 403) {
                            answered.add(method + " " + pattern + " as " + refused + " in a type it does not take → "
                                    + mistyped.getStatusCode().value() + " " + Text.clip(mistyped.getBody(), 200));
                        }
                    }
                }
            }
        }

        assertThat(walked).as("the role-restricted endpoints were walked").isGreaterThan(50);
        assertThat(answered).as("refused only after reading the request").isEmpty();
    }

    /** Session 41's probe: an incomplete person told a rep which fields the people API wants. */
    @Test
    void aRepPostingAnIncompletePersonIsRefusedAsWithACompleteOne() throws Exception {
        String complete = "{\"username\": \"pbb-person\", \"fullName\": \"P B B\", \"email\": \"pbb@baton.example\","
                + " \"password\": \"secret-12345\", \"roles\": [\"REP\"], \"teamId\": null, \"managerId\": null}";

        ResponseEntity<String> incomplete = json("rob", HttpMethod.POST, "/api/people", "{}");
        ResponseEntity<String> valid = json("rob", HttpMethod.POST, "/api/people", complete);
        ResponseEntity<String> malformed = json("rob", HttpMethod.POST, "/api/people", "{\"username\": ");

        assertThat(incomplete.getStatusCode().value()).as(incomplete.getBody()).isEqualTo(403);
        assertThat(malformed.getStatusCode().value()).as(malformed.getBody()).isEqualTo(403);
        assertThat(problem(incomplete)).isEqualTo(problem(valid)).isEqualTo(problem(malformed));
        assertThat(incomplete.getHeaders().getContentType())
                .isEqualTo(valid.getHeaders().getContentType());
        assertThat(incomplete.getBody()).doesNotContain("username", "email", "errors");
        assertThat(jdbc.queryForObject("select count(*) from person where username = 'pbb-person'", Long.class))
                .isZero();
        // someone with the right is told what is wrong, as before
        ResponseEntity<String> admins = json("ada", HttpMethod.POST, "/api/people", "{}");
        assertThat(admins.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(admins.getBody()).path("errors").has("username"))
                .as(admins.getBody())
                .isTrue();
    }

    /** A path id that is no number ({@code /{id:\d+}} mappings, {@code WholeNumberPaths}): the same 403. */
    @Test
    void aRepChangingAPersonByAnIdThatIsNoNumberIsRefusedAsForAnyId() throws Exception {
        ResponseEntity<String> word = json("rob", HttpMethod.PUT, "/api/people/abc", "{}");
        ResponseEntity<String> number = json("rob", HttpMethod.PUT, "/api/people/1", "{}");

        assertThat(word.getStatusCode().value()).as(word.getBody()).isEqualTo(403);
        assertThat(problem(word)).isEqualTo(problem(number));
        assertThat(json("ada", HttpMethod.PUT, "/api/people/abc", "{}")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void aRepUploadingAPlaybookWithoutItsFilesIsRefusedAsWithThem() throws Exception {
        ResponseEntity<String> without = http.withBasicAuth("rob", "demo")
                .postForEntity("/api/playbooks", Multipart.texts("other", Map.of("a.txt", "x")), String.class);
        ResponseEntity<String> with = http.withBasicAuth("rob", "demo")
                .postForEntity(
                        "/api/playbooks", Multipart.texts("files", Map.of("p.bpmn", "<definitions/>")), String.class);

        assertThat(without.getStatusCode().value()).as(without.getBody()).isEqualTo(403);
        assertThat(problem(without)).isEqualTo(problem(with));
        // revenue ops, who may upload, are told what is missing
        ResponseEntity<String> olgas = http.withBasicAuth("olga", "demo")
                .postForEntity("/api/playbooks", Multipart.texts("other", Map.of("a.txt", "x")), String.class);
        assertThat(olgas.getStatusCode().value()).isEqualTo(400);
        assertThat(olgas.getBody()).contains("files");
    }

    /** The upload form's page: the readable 403 page, whatever the form held. */
    @Test
    void aRepPostingThePlaybookUploadFormGetsTheSame403PageWithOrWithoutFiles() {
        TestRestTemplate rob = SignedIn.as(http, "rob");
        HttpHeaders form = SignedIn.formOf(rob.getForObject("/", String.class));
        form.setContentType(MediaType.MULTIPART_FORM_DATA);
        form.setAccept(List.of(MediaType.TEXT_HTML)); // as a browser asks
        HttpEntity<?> without =
                new HttpEntity<>(Multipart.texts("other", Map.of("a.txt", "x")).getBody(), form);
        HttpEntity<?> with = new HttpEntity<>(
                Multipart.texts("files", Map.of("p.bpmn", "<definitions/>")).getBody(), form);

        ResponseEntity<String> refusedWithout = rob.postForEntity("/playbooks", without, String.class);
        ResponseEntity<String> refusedWith = rob.postForEntity("/playbooks", with, String.class);

        assertThat(refusedWithout.getStatusCode().value()).isEqualTo(403);
        assertThat(refusedWith.getStatusCode().value()).isEqualTo(403);
        assertThat(refusedWithout.getHeaders().getContentType())
                .isEqualTo(refusedWith.getHeaders().getContentType());
        assertThat(withoutToken(refusedWithout.getBody()))
                .contains("Not allowed")
                .isEqualTo(withoutToken(refusedWith.getBody()));
    }

    /**
     * Session 42's probe: a rep sending JSON to an upload was told "415: send multipart/form-data", the
     * shape of an endpoint they may not use; someone who may upload is still told the type is wrong.
     */
    @Test
    void aRepSendingJsonToAnUploadIsRefusedAsWithItsFiles() throws Exception {
        for (String upload : List.of("/api/playbooks", "/api/imports?kind=ACCOUNTS")) {
            ResponseEntity<String> asJson = json("rob", HttpMethod.POST, upload, "{\"files\": []}");
            ResponseEntity<String> asUpload = http.withBasicAuth("rob", "demo")
                    .postForEntity(upload, Multipart.texts("file", Map.of("a.csv", "name\nAcme\n")), String.class);

            assertThat(asJson.getStatusCode().value())
                    .as(upload + ": " + asJson.getBody())
                    .isEqualTo(403);
            assertThat(problem(asJson)).isEqualTo(problem(asUpload));
            ResponseEntity<String> olgas = json("olga", HttpMethod.POST, upload, "{\"files\": []}");
            assertThat(olgas.getStatusCode().value())
                    .as(upload + ": " + olgas.getBody())
                    .isEqualTo(415);
            assertThat(olgas.getBody()).contains("multipart/form-data");
        }
    }

    /** The upload page's form, posted by a rep as something other than multipart: the same 403 page. */
    @Test
    void aRepPostingThePlaybookUploadFormAsAPlainFormGetsThe403Page() {
        TestRestTemplate rob = SignedIn.as(http, "rob");
        HttpHeaders form = plainFormOf(rob);

        ResponseEntity<String> refused =
                rob.postForEntity("/playbooks", new HttpEntity<>("files=x", form), String.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("Not allowed").doesNotContain("multipart");
        TestRestTemplate olga = SignedIn.as(http, "olga");
        HttpHeaders olgas = plainFormOf(olga);
        assertThat(olga.postForEntity("/playbooks", new HttpEntity<>("files=x", olgas), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(415);
    }

    /**
     * Session 42's probe: a rep cancelling a playbook run without a reason was told "reason: must not be
     * blank", as the rule of who may cancel lived only in the service. A manager, who may cancel the runs
     * they launched, is still told what is missing.
     */
    @Test
    void aRepCancellingARunWithoutAReasonIsRefusedAsWithOne() throws Exception {
        long run =
                jdbc.queryForObject("select coalesce(max(process_instance_key), 1) from playbook_instance", Long.class);
        String path = "/api/playbooks/instances/" + run + "/cancel";

        ResponseEntity<String> blank = json("rob", HttpMethod.POST, path, "{\"reason\": \"\"}");
        ResponseEntity<String> given = json("rob", HttpMethod.POST, path, "{\"reason\": \"not needed\"}");

        assertThat(blank.getStatusCode().value()).as(blank.getBody()).isEqualTo(403);
        assertThat(problem(blank)).isEqualTo(problem(given));
        ResponseEntity<String> marias = json("maria", HttpMethod.POST, path, "{\"reason\": \"\"}");
        assertThat(marias.getStatusCode().value()).as(marias.getBody()).isEqualTo(400);
        assertThat(JSON.readTree(marias.getBody()).path("errors").has("reason"))
                .as(marias.getBody())
                .isTrue();
    }

    /** The run page's cancel form, posted by a rep without a reason: the 403 page, not "Not canceled: reason ...". */
    @Test
    void aRepPostingTheCancelFormWithoutAReasonGetsThe403Page() {
        TestRestTemplate rob = SignedIn.as(http, "rob");
        HttpHeaders form = plainFormOf(rob);

        ResponseEntity<String> refused =
                rob.postForEntity("/playbooks/instances/1/cancel", new HttpEntity<>("reason=", form), String.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
    }

    /** Giving a commitment an owner is for customer success, managers and admins: a rep's {@code {}} is a 403. */
    @Test
    void aRepGivingACommitmentAnOwnerWithoutNamingOneIsRefused() throws Exception {
        long commitment = jdbc.queryForObject("select min(id) from commitment", Long.class);
        ResponseEntity<String> empty = json("rob", HttpMethod.PUT, "/api/commitments/" + commitment + "/owner", "{}");
        ResponseEntity<String> named =
                json("rob", HttpMethod.PUT, "/api/commitments/" + commitment + "/owner", "{\"ownerId\": 1}");

        assertThat(empty.getStatusCode().value()).as(empty.getBody()).isEqualTo(403);
        assertThat(problem(empty).get("status")).isEqualTo(problem(named).get("status"));
        ResponseEntity<String> coras = json("cora", HttpMethod.PUT, "/api/commitments/" + commitment + "/owner", "{}");
        assertThat(coras.getStatusCode().value()).as(coras.getBody()).isEqualTo(400);
    }

    @Test
    void aRepStartingAnImportOfAKindThatIsNoneIsRefusedAsForAnyKind() throws Exception {
        long imports = jdbc.queryForObject("select count(*) from import_job", Long.class);
        ResponseEntity<String> badKind = http.withBasicAuth("rob", "demo")
                .postForEntity(
                        "/api/imports?kind=NOPE&dryRun=maybe",
                        Multipart.texts("file", Map.of("a.csv", "name\nAcme\n")),
                        String.class);
        ResponseEntity<String> goodKind = http.withBasicAuth("rob", "demo")
                .postForEntity(
                        "/api/imports?kind=ACCOUNTS&dryRun=false",
                        Multipart.texts("file", Map.of("a.csv", "name\nAcme\n")),
                        String.class);

        assertThat(badKind.getStatusCode().value()).as(badKind.getBody()).isEqualTo(403);
        assertThat(problem(badKind)).isEqualTo(problem(goodKind));
        assertThat(jdbc.queryForObject("select count(*) from import_job", Long.class))
                .isEqualTo(imports);
        ResponseEntity<String> olgas = http.withBasicAuth("olga", "demo")
                .postForEntity(
                        "/api/imports?kind=NOPE",
                        Multipart.texts("file", Map.of("a.csv", "name\nAcme\n")),
                        String.class);
        assertThat(olgas.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(olgas.getBody()).path("errors").has("kind"))
                .as(olgas.getBody())
                .isTrue();
    }

    // --- the walk's requests ---

    /** The first demo person the handler's rule refuses, decided as Spring Security decides it; or null. */
    private String refusedBy(HandlerMethod handler) {
        PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();
        rules.setExpressionHandler(expressions);
        rules.setApplicationContext(context);
        Object controller = context.getBean(handler.getBeanType());
        for (String candidate : CANDIDATES) {
            UserDetails user = users.loadUserByUsername(candidate);
            var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            AuthorizationResult result =
                    rules.authorize(() -> authentication, new SimpleMethodInvocation(controller, handler.getMethod()));
            if (result != null && !result.isGranted()) {
                return candidate;
            }
        }
        return null;
    }

    private static Set<HttpMethod> methods(RequestMappingInfo info) {
        Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
        return declared.isEmpty()
                ? Set.of(HttpMethod.GET, HttpMethod.POST)
                : declared.stream().map(RequestMethod::asHttpMethod).collect(Collectors.toSet());
    }

    /**
     * The request, as {@code user}, with every path variable no number ({@code x}), every request parameter
     * it takes a word none takes, page and size out of range, a parameter it does not take, and for a
     * write a body that is none: malformed JSON, a form without its fields, a multipart without its files.
     */
    private ResponseEntity<String> malformed(
            String user, HttpMethod method, String pattern, RequestMappingInfo info, HandlerMethod handler) {
        boolean api = pattern.startsWith("/api/");
        StringBuilder path = new StringBuilder(pattern.replaceAll("\\{[^}]*}", "x")).append("?notAParameter=x");
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null && !param.name().isEmpty()) {
                path.append('&').append(param.name()).append("=not-a-value");
            } else if (param != null && parameter.getParameter().isNamePresent()) {
                path.append('&').append(parameter.getParameter().getName()).append("=not-a-value");
            }
            if (Pageable.class.equals(parameter.getParameterType())) {
                path.append("&page=-1&size=0");
            }
        }
        TestRestTemplate as = api ? http.withBasicAuth(user, "demo") : SignedIn.as(http, user);
        HttpHeaders headers = new HttpHeaders();
        if (!api) {
            headers.putAll(forms.computeIfAbsent(user, u -> SignedIn.formOf(as.getForObject("/", String.class))));
        }
        Object body = null;
        if (WITH_BODY.contains(method)) {
            boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
            if (multipart) {
                headers.setContentType(MediaType.MULTIPART_FORM_DATA);
                body = Multipart.texts("notAFile", Map.of("a.txt", "x")).getBody();
            } else if (api) {
                headers.setContentType(MediaType.APPLICATION_JSON);
                body = "{\"notAField\": ";
            } else {
                body = "notAField=x";
            }
        }
        return as.exchange(path.toString(), method, new HttpEntity<>(body, headers), String.class);
    }

    /** Whether the mapping takes only some types of body ({@code consumes}) or answers only some ({@code produces}). */
    private static boolean negotiates(RequestMappingInfo info) {
        return !info.getConsumesCondition().isEmpty()
                || !info.getProducesCondition().isEmpty();
    }

    /**
     * The request, as {@code user}, in a type the mapping does not take (JSON to an upload, plain text to a
     * JSON endpoint) and asking for an answer in one it does not give: Spring MVC answers 415 or 406 before
     * a handler is chosen, for anyone (session 42's probe: a rep sending JSON to the playbook upload).
     */
    private ResponseEntity<String> mistyped(String user, HttpMethod method, String pattern, RequestMappingInfo info) {
        boolean api = pattern.startsWith("/api/");
        String path = pattern.replaceAll("\\{[^}]*}", "1");
        TestRestTemplate as = api ? http.withBasicAuth(user, "demo") : SignedIn.as(http, user);
        HttpHeaders headers = new HttpHeaders();
        if (!api) {
            headers.putAll(forms.computeIfAbsent(user, u -> SignedIn.formOf(as.getForObject("/", String.class))));
        }
        Object body = null;
        if (WITH_BODY.contains(method) && !info.getConsumesCondition().isEmpty()) {
            boolean takesJson = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .anyMatch(MediaType.APPLICATION_JSON::includes);
            headers.setContentType(takesJson ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON);
            body = takesJson ? "x" : "{\"files\": []}";
        }
        if (!info.getProducesCondition().isEmpty()) {
            headers.setAccept(List.of(MediaType.IMAGE_GIF));
        }
        return as.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    /** The page without its CSRF token, which is masked afresh on every page. */
    private static String withoutToken(String page) {
        return page.replaceAll("name=\"_csrf\"\\s+value=\"[^\"]+\"", "name=\"_csrf\"");
    }

    private ResponseEntity<String> json(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    /** A problem detail without its {@code instance} (the path asked for), to compare two answers. */
    private static Map<String, Object> problem(ResponseEntity<String> answer) throws Exception {
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(answer.getBody());
        Map<String, Object> fields = new LinkedHashMap<>();
        problem.fieldNames().forEachRemaining(name -> {
            if (!name.equals("instance")) {
                fields.put(name, problem.get(name).toString());
            }
        });
        return fields;
    }

    /** Headers for posting a page's form as a browser does (form-encoded, asking for HTML), with its CSRF token. */
    private static HttpHeaders plainFormOf(TestRestTemplate person) {
        HttpHeaders form = SignedIn.formOf(person.getForObject("/", String.class));
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.setAccept(List.of(MediaType.TEXT_HTML));
        return form;
    }
}
