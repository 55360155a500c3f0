package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.people.NewPerson;
import dev.baton.people.PeopleService;
import dev.baton.people.Role;
import dev.baton.support.SignedIn;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Every API call, read or write, refuses a query parameter it does not take, naming it, and takes
 * each one it declares; pages ignore what they do not take. Walks the application's own request mappings, so a new list is covered without a word.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings("rawtypes")
class UnknownParametersIntegrationTests {

    private static final String UNKNOWN = "notAParameter";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PeopleService people;

    @TestFactory
    Stream<DynamicTest> everyApiCallRefusesAnUnknownParameterAndTakesEachDeclaredOne() {
        return mappings.getHandlerMethods().entrySet().stream()
                .flatMap(e -> e.getKey().getPathPatternsCondition().getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/"))
                        .flatMap(path ->
                                methods(e.getKey()).map(method -> new Call(method, path, e.getKey(), e.getValue()))))
                .sorted(Comparator.comparing(Call::path).thenComparing(Call::method))
                .map(call ->
                        DynamicTest.dynamicTest(call.method() + " " + call.path(), () -> refusesOnlyTheUnknown(call)));
    }

    /** One HTTP method of one API address, with the mapping and the handler it goes to. */
    private record Call(String method, String path, RequestMappingInfo info, HandlerMethod handler) {}

    /** Reads and writes alike: a write's query parameters are no more free than a read's. */
    private static Stream<String> methods(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().stream()
                .map(Enum::name)
                .filter(m -> Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(m));
    }

    /** Each declared parameter and one unknown: the interceptors refuse the unknown one alone. */
    private void refusesOnlyTheUnknown(Call call) throws Exception {
        String pattern = call.path();
        MockHttpServletRequest request =
                new MockHttpServletRequest(call.method(), pattern.replaceAll("\\{[^}]+}", "1"));
        call.info().getConsumesCondition().getConsumableMediaTypes().stream()
                .findFirst()
                .ifPresent(type -> request.setContentType(type.toString()));
        StringBuilder query = new StringBuilder(UNKNOWN + "=1");
        DeclaredParameters declared = DeclaredParameters.of(call.handler().getMethod());
        declared.names().forEach(name -> query.append('&').append(name).append("=1"));
        request.setQueryString(query.toString());
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain = mappings.getHandler(request);
        assertThat(chain).as("a handler for " + pattern).isNotNull();
        assertThat(((HandlerMethod) chain.getHandler()).getMethod())
                .isEqualTo(call.handler().getMethod());

        BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> {
            for (HandlerInterceptor interceptor : chain.getInterceptorList()) {
                interceptor.preHandle(request, new MockHttpServletResponse(), chain.getHandler());
            }
        });

        if (declared.open()) {
            assertThat(refused).as("a handler of free fields takes any name").isNull();
            return;
        }
        assertThat(refused)
                .as(call.method() + " " + pattern + " refuses " + UNKNOWN)
                .isNotNull();
        assertThat(refused.getFieldErrors()).containsOnlyKeys(UNKNOWN);
        assertThat(refused.getFieldErrors().get(UNKNOWN)).startsWith("is not a parameter here: this address takes ");
    }

    @Test
    void theDeclaredParametersAreReadFromTheHandlersRecordsRequestParametersAndPaging() throws Exception {
        assertThat(declared("/api/commitments"))
                .contains("account", "owner", "team", "status", "overdue", "page", "size", "sort")
                .doesNotContain("accountId", "params");
        assertThat(declared("/api/tasks")).contains("scope", "status", "accountId", "playbook", "page", "size");
        assertThat(declared("/api/audit")).contains("accountId", "account", "from", "to", "page", "size");
    }

    private Set<String> declared(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        ServletRequestPathUtils.parseAndCache(request);
        HandlerMethod handler = (HandlerMethod) mappings.getHandler(request).getHandler();
        return DeclaredParameters.of(handler.getMethod()).names();
    }

    @ParameterizedTest
    @CsvSource({
        "/api/commitments?accountId=12, accountId, account",
        "/api/handovers?status=FOO, status, 'takes page, size'", // a fixed order: no sort (probe 47)
        "/api/tasks?bogus=1, bogus, scope",
        "/api/audit?acountId=12, acountId, accountId",
    })
    void answersAProblemNamingEachUnknownParameterAndTheKnownOnes(String address, String named, String known) {
        ResponseEntity<Map> answer = http.withBasicAuth("ada", "demo").getForEntity(address, Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) answer.getBody().get("errors");
        assertThat(errors).containsKey(named);
        assertThat(errors.get(named)).contains(known);
    }

    /**
     * Found by a probe: {@code POST /api/commitments?ownerId=5} with a body dropped {@code ownerId} and
     * recorded a commitment owned by nobody. A body's fields are no query parameters, and a write's
     * declared ones ({@code dryRun} of an import) still pass.
     */
    @Test
    void aWriteWithAnUnknownQueryParameterIsRefusedNamingItAndWritesNothing() {
        long commitments = jdbc.queryForObject("select count(*) from commitment", Long.class);
        Map<String, Object> body =
                Map.of("accountId", 1, "description", "Sent with the owner in the address", "dueDate", "2099-01-01");

        ResponseEntity<Map> answer =
                http.withBasicAuth("maria", "demo").postForEntity("/api/commitments?ownerId=5", body, Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) answer.getBody().get("errors");
        assertThat(errors).containsOnlyKeys("ownerId");
        assertThat(errors.get("ownerId")).isEqualTo("is not a parameter here: this address takes none");
        assertThat(jdbc.queryForObject("select count(*) from commitment", Long.class))
                .isEqualTo(commitments);
    }

    /** A page's form post ignores what it does not take, as its reads do ({@code _csrf} is read by security). */
    @Test
    void aPagesFormPostIgnoresWhatItDoesNotTake() {
        String username = "up-" + UUID.randomUUID().toString().substring(0, 8);
        people.create(new NewPerson(
                username, "Una Parameter", username + "@baton.example", "demo", Set.of(Role.REP), null, null));
        TestRestTemplate una = SignedIn.as(http, username);
        HttpHeaders form = SignedIn.formOf(una.getForObject("/preferences", String.class));

        ResponseEntity<String> posted = una.postForEntity(
                "/preferences?utm_source=mail", new HttpEntity<>("timeZone=Europe/Berlin", form), String.class);

        assertThat(posted.getStatusCode()).as("redirected to the page").isEqualTo(HttpStatus.OK);
        assertThat(people.byUsername(username).timeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aPageIgnoresWhatItDoesNotTake() {
        ResponseEntity<String> page =
                SignedIn.as(http, "ada").getForEntity("/commitments?utm_source=mail", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
