package dev.baton.shared;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@code page} query parameter of every list, API and pages, is a whole number from 0 to
 * {@link #MAX_PAGE}, and {@code size} one from 1 to {@link #MAX_SIZE} (Spring Data's largest page):
 * the row offset then fits the int that JPA takes (a page near Integer.MAX_VALUE was a 500).
 * Anything else is a 400 naming the parameter (for a browser, the error page saying so); Spring Data
 * would quietly take its default size for {@code size=abc}. Each list may take fewer rows a page (tasks: 200) and says so itself.
 */
@Configuration(proxyBeanMethods = false)
class PageLimits implements WebMvcConfigurer, HandlerInterceptor {

    static final int MAX_PAGE = 1_000_000;
    static final int MAX_SIZE = 2_000;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // the error page of a refused page carries its parameters: refusing them again left the body empty
            return true;
        }
        check(request, "page", 0, MAX_PAGE);
        check(request, "size", 1, MAX_SIZE);
        return true;
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
