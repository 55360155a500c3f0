package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * A parameter given more than once where it takes one value ({@code ?team=1&team=999}) is a 400
 * naming it, in the API and the pages alike: Spring binds the first value and drops the others, so
 * the answer depended on the order the client happened to write them in. Parameters the handler takes
 * as a list ({@code ?status=OPEN&status=DONE}, a {@code Pageable}'s {@code sort}) may repeat. An
 * interceptor for every handler, as {@link FixedOrderLists} is: no list can forget the check, and it
 * costs nothing unless a parameter repeats. The API answers problem details ({@link ApiProblems}), a
 * page the error page with the same sentence ({@link BadRequestException} is a 400 there too). Only
 * the query string is read (filters live there; a body is the handler's to read, and a malformed
 * upload must reach the multipart handling). A malformed percent-encoding ({@code %ZZ}) is a 400 too
 * (see {@link #decoded}). Which parameters take one value is read from the handler ({@link
 * DeclaredParameters}).
 */
@Configuration(proxyBeanMethods = false)
class RepeatedParameters extends ParameterCheck {

    @Override
    void check(HttpServletRequest request, Object handler) {
        String query = request.getQueryString();
        if (query == null || !(handler instanceof HandlerMethod method)) {
            return; // most calls: no query string at all
        }
        Set<String> seen = new HashSet<>();
        for (String name : names(query)) {
            if (!seen.add(name)
                    && DeclaredParameters.of(method.getMethod()).singles().contains(name)) {
                throw new BadRequestException(Text.clip(name, 60), "is given more than once: give it once");
            }
        }
    }

    /**
     * The names in a query string, percent-decoded, in order, with their repeats; each value is decoded
     * too, so a malformed one is refused ({@link #decoded}). The query string only, never {@code
     * request.getParameterMap()}: that reads a form or multipart body too, and a malformed upload must
     * reach the multipart handling that answers it, not fail here.
     *
     * @throws BadRequestException naming a parameter whose name or value is malformed percent-encoding
     */
    static List<String> names(String query) {
        List<String> names = new ArrayList<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals), null);
            if (equals >= 0) {
                decoded(pair.substring(equals + 1), name);
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * A parameter's name or value percent-decoded, as the binding sees it. Tomcat drops a parameter
     * whose encoding is malformed ({@code ?owner=%ZZ}) without a word, so a mistyped filter would widen
     * the list to everything: it is a 400 naming the parameter instead (found by a probe).
     *
     * @param name the parameter's decoded name when {@code encoded} is its value; null for a name
     */
    private static String decoded(String encoded, String name) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new BadRequestException(
                    Text.clip(name == null ? encoded : name, 60),
                    "is not valid percent-encoding: a '%' must be followed by two hexadecimal digits (write"
                            + " '%25' for '%' itself)");
        }
    }
}
