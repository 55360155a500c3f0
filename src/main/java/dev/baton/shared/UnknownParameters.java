package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * A query parameter that an {@code /api/} call does not take is a 400 naming it and the ones it does take,
 * not an answer that ignored it: {@code GET /api/commitments?accountId=12} (the inbox's spelling; the
 * register's is {@code account}) answered the whole register, and {@code POST /api/commitments?ownerId=5}
 * recorded a commitment owned by nobody (both found by probes). Reads and writes alike: a write's body
 * is its own ({@link UnknownFields} reads its fields), so a name in the query string is never a body's
 * field. What an address takes is read from its handler ({@link DeclaredParameters}: request parameters,
 * a {@code Pageable}'s {@code page}, {@code size} and (if it can be sorted) {@code sort}, the fields of a
 * bound record), so no list of names is kept beside it; a handler taking {@code @RequestParam Map} takes any name. Every
 * unknown name is told in one answer. Pages ignore what they do not take (browsers, bookmarks and
 * tracking links add parameters, a form may post its {@code _csrf} in the address), except those marked
 * {@link KnownParametersOnly}. Only the query string is read, as {@link RepeatedParameters} reads it.
 */
@Configuration(proxyBeanMethods = false)
class UnknownParameters extends ParameterCheck {

    private static final Set<String> CHECKED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    @Override
    void check(HttpServletRequest request, Object handler) {
        String query = request.getQueryString();
        if (query == null || !(handler instanceof HandlerMethod method) || !strict(request, method)) {
            return;
        }
        DeclaredParameters declared = DeclaredParameters.of(method.getMethod());
        if (declared.open()) {
            return;
        }
        Map<String, String> unknown = new LinkedHashMap<>();
        for (String name : RepeatedParameters.names(query)) {
            if (!declared.names().contains(name)) {
                boolean fixedOrder =
                        FixedOrderLists.SORT.equals(name) && FixedOrderLists.refusesSort(method.getMethod());
                unknown.put(Text.clip(name, 60), fixedOrder ? SortAllowLists.FIXED_ORDER : takes(declared));
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadRequestException(unknown);
        }
    }

    /** Every read and write of the API (not its OPTIONS, which Spring answers itself), and the pages that opt in. */
    private static boolean strict(HttpServletRequest request, HandlerMethod method) {
        return CHECKED.contains(request.getMethod())
                        && request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || method.hasMethodAnnotation(KnownParametersOnly.class);
    }

    private static String takes(DeclaredParameters declared) {
        return declared.names().isEmpty()
                ? "is not a parameter here: this address takes none"
                : "is not a parameter here: this address takes " + String.join(", ", declared.names());
    }
}
