package dev.baton.web;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.baton.shared.ProblemEntryPoint;
import dev.baton.web.SignInThrottle.Throttled;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in everywhere but health. API clients use HTTP Basic (stateless, no CSRF, 401 instead of a
 * redirect), for the OpenAPI document too; the browser UI uses form login only, with CSRF on every form, its session's roles read
 * afresh on every request ({@link SessionsAsOfNow}). Roles are checked per
 * endpoint with {@code @PreAuthorize} (decided before the request is read: {@code
 * shared.PreAuthorizeBeforeBinding}), lines in the services. Both chains send a
 * Content-Security-Policy without inline script or style, a Referrer-Policy and a
 * Permissions-Policy; failed sign-ins are throttled ({@link SignInThrottle}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    /** Pages load scripts, styles and images from Baton only: no inline script, no inline style. */
    static final String UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** API answers are data, never documents to render. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint wrongPassword = new BasicAuthenticationEntryPoint();
        ((BasicAuthenticationEntryPoint) wrongPassword).setRealmName("Baton");
        return headers(http.securityMatcher(apiRequests()), API_POLICY)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof Throttled throttled) {
                        tooManyFailures(response, throttled);
                    } else {
                        wrongPassword.commence(request, response, e);
                    }
                }))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new ProblemEntryPoint()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * The API, and its OpenAPI document when the request signs in with HTTP Basic: a client that reads
     * the document with the credentials it calls the API with got a 302 to the sign-in page (a
     * newcomer's snag). Without credentials the document stays a page of the UI (the Swagger UI reads it
     * with the browser's session).
     */
    private static RequestMatcher apiRequests() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(
                paths.matcher("/api/**"),
                new AndRequestMatcher(
                        paths.matcher("/v3/api-docs/**"), new RequestHeaderRequestMatcher(HttpHeaders.AUTHORIZATION)));
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http, UserDetailsService users) throws Exception {
        return headers(http, UI_POLICY)
                .addFilterBefore(new SessionsAsOfNow(users), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .authenticated()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(signInFailed())
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedHandler(SecurityConfiguration::denied))
                .build();
    }

    /**
     * Spring Security's 403, with the refusal kept for the error page ({@code ErrorPageAttributes}), which
     * tells a form without the session's CSRF token (an expired form) from a missing role: without an
     * error page of its own Spring Security keeps nothing and says only "Forbidden".
     */
    private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
        new AccessDeniedHandlerImpl().handle(request, response, denied);
    }

    /**
     * The one handler of {@code @PreAuthorize} expressions, Spring Security's default, for its method
     * interceptor and for {@code shared.PreAuthorizeBeforeBinding}, which decides the same
     * expressions before a handler reads its request: one bean, so the two never judge differently. Static,
     * as Spring Security asks of method security's infrastructure.
     */
    @Bean
    static MethodSecurityExpressionHandler methodSecurityExpressionHandler() {
        return new DefaultMethodSecurityExpressionHandler();
    }

    /** The password check behind both chains, throttled. */
    @Bean
    AuthenticationProvider signIn(UserDetailsService users, PasswordEncoder passwords, SignInThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        return throttle.around(dao);
    }

    /**
     * No observation (a timer and a span) around each security filter, the sign-in and the authorization
     * on every request: nothing here exports them (only health and info are exposed), and they were a
     * measurable share of every API call's time. HTTP requests are still observed as a whole.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring's delegating encoder (bcrypt for new passwords), remembering recent matches so that HTTP
     * Basic, which signs in on every API call, pays bcrypt once per person and ttl, not per call.
     */
    @Bean
    PasswordEncoder passwordEncoder(SignInSettings settings) {
        return new RememberedPasswordChecks(
                PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                settings.rememberPasswordChecks(),
                10_000,
                Ticker.systemTicker());
    }

    private static HttpSecurity headers(HttpSecurity http, String contentSecurityPolicy) throws Exception {
        return http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
    }

    /** The sign-in page says why: a wrong password, or too many of them. */
    private static AuthenticationFailureHandler signInFailed() {
        return (request, response, e) -> response.sendRedirect(
                request.getContextPath() + (e instanceof Throttled ? "/login?throttled" : "/login?error"));
    }

    private static void tooManyFailures(HttpServletResponse response, Throttled throttled) throws java.io.IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(
                HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfter().toSeconds() + 1));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Too many failed sign-ins\",\"status\":429,"
                        + "\"detail\":\"" + throttled.getMessage() + "\"}");
    }
}
