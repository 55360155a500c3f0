package dev.baton.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session's sign-in holds as the person is now, on every request: the roles are read
 * afresh (one query, the one sign-in runs, which also leaves team and roles with the request: {@code
 * SignedInNow}), so a manager made a rep loses the manager's pages at their next click, not at their
 * next sign-in; someone deactivated (or gone) is signed out and sent to the sign-in page. Spring
 * Security keeps the authorities of the moment of sign-in in the session otherwise. The API chain needs
 * none of this: HTTP Basic signs in on every call. Static files are served without the check.
 */
final class SessionsAsOfNow extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionsAsOfNow.class);

    private final UserDetailsService users;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionsAsOfNow(UserDetailsService users) {
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn instanceof UsernamePasswordAuthenticationToken && signedIn.isAuthenticated()) {
            UserDetails now = current(signedIn.getName());
            if (now == null || !now.isEnabled()) {
                log.info("{} signed out: no longer active", signedIn.getName());
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!new HashSet<>(now.getAuthorities()).equals(new HashSet<>(signedIn.getAuthorities()))) {
                UsernamePasswordAuthenticationToken fresh =
                        UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
                fresh.setDetails(signedIn.getDetails());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(fresh);
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private UserDetails current(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            return null;
        }
    }
}
