package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * The {@code page} query parameter of every list, API and pages, is a whole number from 0 to
 * {@link #MAX_PAGE}, and {@code size} one from 1 to {@link #MAX_SIZE} (Spring Data's largest page):
 * the row offset then fits the int that JPA takes (a page near Integer.MAX_VALUE was a 500).
 * Anything else is a 400 naming the parameter (for a browser, the error page saying so); Spring Data
 * would quietly take its default size for {@code size=abc}. Each list may take fewer rows a page (tasks: 200) and says so itself.
 * Only where the handler reads them ({@link DeclaredParameters}): elsewhere a {@code page} is no parameter
 * at all, told so by {@link UnknownParameters} on the API and ignored by a page, whatever its value (probe
 * 47: {@code ?page=-1} was "must be a whole number" where {@code ?page=999} was "not a parameter here").
 */
@Configuration(proxyBeanMethods = false)
class PageLimits extends ParameterCheck {

    static final int MAX_PAGE = 1_000_000;
    static final int MAX_SIZE = 2_000;

    @Override
    void check(HttpServletRequest request, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return;
        }
        Set<String> takes = DeclaredParameters.of(method.getMethod()).names();
        if (takes.contains("page")) {
            check(request, "page", 0, MAX_PAGE);
        }
        if (takes.contains("size")) {
            check(request, "size", 1, MAX_SIZE);
        }
    }

    private static void check(HttpServletRequest request, String name, int min, int max) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return;
        }
        String number = value.trim();
        if (!number.matches("\\d{1,7}") || Integer.parseInt(number) < min || Integer.parseInt(number) > max) {
            throw new BadRequestException(name, "must be a whole number from " + min + " to " + max);
        }
    }
}
