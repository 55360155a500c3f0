package dev.baton.audit;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may read the raw audit trail: admins and managers. The one rule for the audit page and API
 * ({@code @PreAuthorize("@auditReaders.may(authentication)")}) and for every link to them, so nobody
 * is shown a link that answers 403.
 */
@Component("auditReaders")
public class AuditReaders {

    private static final Set<String> ROLES = Set.of("ROLE_ADMIN", "ROLE_MANAGER");

    public boolean may(Authentication who) {
        return who != null
                && who.isAuthenticated()
                && who.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(ROLES::contains);
    }

    /** Whether whoever is signed in now may: false for work nobody signed in for. */
    public boolean signedInMay() {
        return may(SecurityContextHolder.getContext().getAuthentication());
    }
}
