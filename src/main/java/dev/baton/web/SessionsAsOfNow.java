package dev.baton.web;

import dev.baton.people.SignedInPerson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session's sign-in holds as the person is now, on every request: the roles are read
 * afresh (one query, the one sign-in runs, which also leaves team and roles with the request: {@code
 * SignedInNow}), so a manager made a rep loses the manager's pages at their next click, not at their
 * next sign-in; someone deactivated (or gone) is signed out and sent to the sign-in page, and so is a
 * session signed in before the person's sessions were ended (their password changed: {@link
 * SignedInPerson#endedSince}). Spring Security keeps the authorities of the moment of sign-in in the
 * session otherwise. The API chain needs none of this: HTTP Basic signs in on every call (and takes no
 * session cookie). Static files are served without the check.
 */
final class SessionsAsOfNow extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionsAsOfNow.class);

    private final UserDetailsService users;

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
                signOut(request, response, signedIn, "inactive");
                return;
            }
            if (now instanceof SignedInPerson person && SignedInPerson.endedSince(signedIn.getPrincipal(), person)) {
                signOut(request, response, signedIn, "ended");
                return;
            }
            if (!new HashSet<>(now.getAuthorities()).equals(new HashSet<>(signedIn.getAuthorities()))) {
                SignedInPerson.holdSession(now, signedIn, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Ends the session. A page is sent to the sign-in page, which says why ({@code /login?ended} or
     * {@code ?inactive}); a request for JSON (the pages' own scripts) gets 401 as problem details.
     */
    private static void signOut(
            HttpServletRequest request, HttpServletResponse response, Authentication signedIn, String why)
            throws IOException {
        log.info("{} signed out: {}", signedIn.getName(), why.equals("ended") ? "sessions ended" : "no longer active");
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (wantsJson(request)) {
            response.sendError(
                    HttpServletResponse.SC_UNAUTHORIZED,
                    why.equals("ended")
                            ? "your sessions were ended (password changed, or deactivated): sign in again"
                            : "your account is deactivated");
        } else {
            response.sendRedirect(request.getContextPath() + "/login?" + why);
        }
    }

    /**
     * Whether the type the client prefers most is JSON, as the pages' scripts ask (a browser's page
     * request prefers HTML; a client that takes anything, or text first, gets the redirect as before).
     */
    private static boolean wantsJson(HttpServletRequest request) {
        try {
            return MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT)).stream()
                    .sorted(Comparator.comparingDouble(MediaType::getQualityValue)
                            .reversed()) // stable: equal q keep the client's order
                    .findFirst()
                    .filter(t -> !t.isWildcardType()
                            && (t.getSubtype().equals("json") || t.getSubtype().endsWith("+json")))
                    .isPresent();
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    private UserDetails current(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            return null;
        }
    }
}
