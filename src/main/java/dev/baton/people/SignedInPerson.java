package dev.baton.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The principal of a signed-in person as the sign-in read them ({@code PersonUserDetailsService}): a
 * Spring Security {@link User} that also carries the person's {@code sessions_valid_from} of that moment.
 * A browser session holds it; once the person's value differs (password changed, deactivated: {@link
 * Person#endSessions}) the session is over ({@code dev.baton.web.SessionsAsOfNow}).
 */
public final class SignedInPerson extends User {

    private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private final Instant sessionsValidFrom;

    SignedInPerson(
            String username,
            String passwordHash,
            boolean active,
            Collection<? extends GrantedAuthority> authorities,
            Instant sessionsValidFrom) {
        super(username, passwordHash, active, true, true, true, authorities);
        this.sessionsValidFrom = sessionsValidFrom;
    }

    /**
     * @param signedIn the principal a session holds (any {@link Authentication#getPrincipal})
     * @param now the same person as read now
     * @return whether the person's sessions were ended after {@code signedIn} signed in; false for a
     *     principal that is no {@code SignedInPerson} (never one of Baton's sessions)
     */
    public static boolean endedSince(Object signedIn, SignedInPerson now) {
        return signedIn instanceof SignedInPerson then
                && !Objects.equals(then.sessionsValidFrom, now.sessionsValidFrom);
    }

    /**
     * Makes the current request's browser session signed in as {@code now} (its roles, its sessions valid
     * from), keeping the details (address) of the sign-in before; the password hash is not kept.
     *
     * @param now the person as just read ({@code UserDetailsService#loadUserByUsername})
     * @param before the session's sign-in until now
     */
    public static void holdSession(
            UserDetails now, Authentication before, HttpServletRequest request, HttpServletResponse response) {
        if (now instanceof CredentialsContainer read) {
            read.eraseCredentials(); // the session never holds the password hash
        }
        UsernamePasswordAuthenticationToken fresh =
                UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
        fresh.setDetails(before.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(fresh);
        SecurityContextHolder.setContext(context);
        SESSIONS.saveContext(context, request, response);
    }
}
