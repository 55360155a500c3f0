package dev.baton.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request but health with 503 "Starting" and {@code Retry-After} until Baton is ready to
 * take traffic. The web server accepts connections before the start-up work of the application
 * runners is done (the sandbox's demo people and their sample reviews), and Spring Boot marks the
 * application ready ({@link ReadinessState#ACCEPTING_TRAFFIC}, also {@code /actuator/health/readiness})
 * only once they have run. A load balancer or Kubernetes would hold traffic back on that probe; a
 * client calling the port directly (the sandbox's first curl) would otherwise meet people not yet
 * created: a 401 for good credentials, counted as a failed sign-in. It runs before the security
 * filters, so nothing signs in. While the application shuts down readiness refuses traffic again, and
 * new requests get the same answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StartingGate extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 5;
    private static final String HEALTH = "/actuator/health";

    private final ApplicationAvailability availability;

    StartingGate(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC || health(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String detail = "Baton is starting (or stopping) and cannot answer yet: try again in a few seconds";
        if (wantsPage(request)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta"
                            + " http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\"><title>Baton is"
                            + " starting</title></head><body><p>" + detail + ". This page reloads by itself.</p>"
                            + "</body></html>");
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Starting\",\"status\":503,\"detail\":\"" + detail
                            + "\"}");
        }
    }

    /** Health and its probes answer for themselves: readiness says OUT_OF_SERVICE until Baton is ready. */
    private static boolean health(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(HEALTH) || path.startsWith(HEALTH + "/");
    }

    /** A browser asking for a page (not the API) gets a page that reloads itself. */
    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE)
                && !request.getRequestURI().contains("/api/");
    }
}
