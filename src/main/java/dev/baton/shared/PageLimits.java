package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@code page} query parameter of every list, API and pages, is a whole number from 0 to
 * {@link #MAX_PAGE}: with page sizes up to 2,000 the row offset then fits the int that JPA takes
 * (a page near Integer.MAX_VALUE was a 500). Anything else is a 400 naming {@code page}.
 */
@Configuration(proxyBeanMethods = false)
class PageLimits implements WebMvcConfigurer, HandlerInterceptor {

    static final int MAX_PAGE = 1_000_000;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String page = request.getParameter("page");
        if (page == null || page.isBlank()) {
            return true;
        }
        if (!page.trim().matches("\\d{1,7}") || Integer.parseInt(page.trim()) > MAX_PAGE) {
            throw new BadRequestException("page", "must be a whole number from 0 to " + MAX_PAGE);
        }
        return true;
    }
}
