package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.support.SignedIn;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Every API read refuses a query parameter it does not take, naming it, and takes each one it
 * declares. Walks the application's own request mappings, so a new list is covered without a word.
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

    @TestFactory
    Stream<DynamicTest> everyApiReadRefusesAnUnknownParameterAndTakesEachDeclaredOne() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> reads(e.getKey()))
                .flatMap(e -> e.getKey().getPathPatternsCondition().getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/"))
                        .map(path -> Map.entry(path, e.getValue())))
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> DynamicTest.dynamicTest(
                        "GET " + e.getKey(), () -> refusesOnlyTheUnknown(e.getKey(), e.getValue())));
    }

    private static boolean reads(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().stream()
                .anyMatch(m -> m.name().equals("GET"));
    }

    /** Each declared parameter and one unknown: the interceptors refuse the unknown one alone. */
    private void refusesOnlyTheUnknown(String pattern, HandlerMethod expected) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", pattern.replaceAll("\\{[^}]+}", "1"));
        StringBuilder query = new StringBuilder(UNKNOWN + "=1");
        DeclaredParameters declared = DeclaredParameters.of(expected.getMethod());
        declared.names().forEach(name -> query.append('&').append(name).append("=1"));
        request.setQueryString(query.toString());
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain = mappings.getHandler(request);
        assertThat(chain).as("a handler for " + pattern).isNotNull();
        assertThat(((HandlerMethod) chain.getHandler()).getMethod()).isEqualTo(expected.getMethod());

        BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> {
            for (HandlerInterceptor interceptor : chain.getInterceptorList()) {
                interceptor.preHandle(request, new MockHttpServletResponse(), chain.getHandler());
            }
        });

        if (declared.open()) {
            assertThat(refused).as("a handler of free fields takes any name").isNull();
            return;
        }
        assertThat(refused).as(pattern + " refuses " + UNKNOWN).isNotNull();
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
        "/api/handovers?status=FOO, status, 'page, size, sort'",
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

    @Test
    void aPageIgnoresWhatItDoesNotTake() {
        ResponseEntity<String> page =
                SignedIn.as(http, "ada").getForEntity("/commitments?utm_source=mail", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
