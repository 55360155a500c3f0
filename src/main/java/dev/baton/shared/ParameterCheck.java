package dev.baton.shared;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A check of a request's parameters before every handler, API and pages ({@link PageLimits}, {@link
 * RepeatedParameters}, {@link FixedOrderLists}), or of a body its handler does not read ({@link
 * UnexpectedBodies}): a wrong one is a {@link BadRequestException} naming it. Never on the error
 * dispatch: the error page carries the refused request's parameters, and refusing them again there left
 * the answer empty (a page's or a signed-in session's {@code ?owner=%ZZ}, {@code ?page=-1}, found by probes).
 */
abstract class ParameterCheck implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public final void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public final boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            check(request, handler);
        }
        return true;
    }

    /**
     * @param handler what the request goes to (a {@code HandlerMethod} for a controller)
     * @throws BadRequestException naming the parameter that is wrong (or {@code body})
     */
    abstract void check(HttpServletRequest request, Object handler);
}
