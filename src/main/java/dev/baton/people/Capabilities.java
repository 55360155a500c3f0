package dev.baton.people;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@link Capability} for expressions: endpoints ask {@code @PreAuthorize("@capabilities.granted(authentication,
 * 'IMPORT_RECORDS')")}, templates {@code th:if="${@capabilities.signedIn('IMPORT_RECORDS')}"}.
 */
@Component("capabilities")
public class Capabilities {

    /**
     * Whether {@code who} has the capability named {@code capability} (a {@link Capability} constant's name).
     *
     * @throws IllegalArgumentException for a name that is no capability (a typo in an expression)
     */
    public boolean granted(Authentication who, String capability) {
        return Capability.valueOf(capability).grantedTo(who);
    }

    /** Whether whoever is signed in now has it: false for work nobody signed in for. */
    public boolean signedIn(String capability) {
        return granted(SecurityContextHolder.getContext().getAuthentication(), capability);
    }
}
