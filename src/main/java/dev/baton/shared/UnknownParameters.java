package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * A query parameter that an {@code /api/} read ({@code GET}) does not take is a 400 naming it and the ones it
 * does take, not a 200 that ignored it: {@code GET /api/commitments?accountId=12} (the inbox's spelling;
 * the register's is {@code account}) answered the whole register (found by a probe). What an address
 * takes is read from its handler ({@link DeclaredParameters}: request parameters, a {@code Pageable}'s
 * {@code page}, {@code size} and {@code sort}, the fields of a bound record), so no list of names is
 * kept beside it; a handler taking {@code @RequestParam Map} takes any name. Every unknown name is
 * told in one answer. Pages ignore what they do not take (browsers, bookmarks and tracking links add
 * parameters), except those marked {@link KnownParametersOnly}. Only the query string is read, as
 * {@link RepeatedParameters} reads it: a body's unknown fields are {@link UnknownFields}'.
 */
@Configuration(proxyBeanMethods = false)
class UnknownParameters extends ParameterCheck {

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
                unknown.put(Text.clip(name, 60), takes(declared));
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadRequestException(unknown);
        }
    }

    /** Reads (lists, searches, one record) of the API, and the pages that opt in. */
    private static boolean strict(HttpServletRequest request, HandlerMethod method) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        return read && request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || method.hasMethodAnnotation(KnownParametersOnly.class);
    }

    private static String takes(DeclaredParameters declared) {
        return declared.names().isEmpty()
                ? "is not a parameter here: this address takes none"
                : "is not a parameter here: this address takes " + String.join(", ", declared.names());
    }
}
