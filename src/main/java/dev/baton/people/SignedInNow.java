package dev.baton.people;

import java.util.Optional;
import java.util.Set;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in person's team and roles as the sign-in read them in the current request, so the
 * request does not read the person a second time. Only a request that signed in has them (every
 * stateless API call); a browser session signed in earlier, and work outside a request, read the
 * person afresh, so a change of team or role is never seen late.
 *
 * @param teamKey the person's team's key, or null for no team
 */
public record SignedInNow(String username, String teamKey, Set<Role> roles) {

    private static final String ATTRIBUTE = SignedInNow.class.getName();

    /**
     * @return what the sign-in read in this request, when this request signed {@code username} in;
     *     else empty
     */
    public static Optional<SignedInNow> of(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null
                        && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof SignedInNow now
                        && now.username().equals(username)
                ? Optional.of(now)
                : Optional.empty();
    }

    /** Kept for the rest of the current request (none outside a request). */
    void remember() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, this, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
