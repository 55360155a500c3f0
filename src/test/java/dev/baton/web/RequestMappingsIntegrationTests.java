package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every address with a fixed word beside a numeric {@code {id}} ({@code /commitments/export.csv},
 * {@code /people/me}): a method or an Accept header that the word's mapping does not take must not
 * fall through to the id's mapping, which would answer "id: must be a whole number" instead of 405
 * or 406. Walks the application's own request mappings, so a new controller is checked too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestMappingsIntegrationTests {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE");
    private static final List<String> ACCEPTS = List.of("application/json", "text/html");
    private static final Set<Class<?>> NUMBERS = Set.of(Long.class, long.class, Integer.class, int.class);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noFixedWordReachesAnIdMapping() throws Exception {
        List<String> fallThroughs = new ArrayList<>();
        int addresses = 0;
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString().replaceAll("\\{[^}]+}", "1");
                addresses++;
                for (String method : METHODS) {
                    for (String accept : ACCEPTS) {
                        String reached = numericVariableHolding(method, path, accept);
                        if (reached != null) {
                            fallThroughs.add(method + " " + path + " (Accept " + accept + ") → " + reached);
                        }
                    }
                }
            }
        }

        assertThat(addresses).as("the mappings were walked").isGreaterThan(50);
        assertThat(fallThroughs).isEmpty();
    }

    /** The mapping and variable that took a fixed word as a number, or null (none, or a 404/405/406). */
    private String numericVariableHolding(String method, String path, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", accept);
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain;
        try {
            chain = mappings.getHandler(request);
        } catch (Exception refused) { // 405, 406, 415: answered as such
            return null;
        }
        if (chain == null || !(chain.getHandler() instanceof HandlerMethod handler)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        for (Parameter parameter : handler.getMethod().getParameters()) {
            PathVariable variable = parameter.getAnnotation(PathVariable.class);
            if (variable == null || !NUMBERS.contains(parameter.getType())) {
                continue;
            }
            String name = !variable.value().isEmpty() ? variable.value() : parameter.getName();
            String value = variables == null ? null : variables.get(name);
            if (value != null && !value.matches("\\d+")) {
                return request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) + " {" + name + "=" + value
                        + "}";
            }
        }
        return null;
    }
}
