package dev.baton.audit;

import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may read the raw audit trail, and which of its events: admins all of it, managers their line's
 * work (README, roles: a MANAGER sees "their line's work: ... the audit trail"). The one rule for the
 * audit page and API ({@code @PreAuthorize("@auditReaders.may(authentication)")}, then {@link
 * #actorsFor}) and for every link to them, so nobody is shown a link that answers 403.
 */
@Component("auditReaders")
public class AuditReaders {

    private static final Set<String> ROLES = Set.of("ROLE_ADMIN", "ROLE_MANAGER");

    /** Absent only where the people module is not part of the application (a module test): then a manager reads their own events. */
    private final ObjectProvider<AuditLines> lines;

    AuditReaders(ObjectProvider<AuditLines> lines) {
        this.lines = lines;
    }

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

    /**
     * Whose events {@code who} reads, by the actor's user name: everyone's for an admin; a manager's own
     * and their reporting line's (not Baton's own work, {@link AuditLog#SYSTEM}, nor other lines'); nobody's
     * for anyone else.
     *
     * @return the actors' user names; empty for an admin, meaning every actor
     */
    public Optional<Set<String>> actorsFor(Authentication who) {
        if (!may(who)) {
            return Optional.of(Set.of());
        }
        if (has(who, "ROLE_ADMIN")) {
            return Optional.empty();
        }
        AuditLines line = lines.getIfAvailable();
        return Optional.of(line == null ? Set.of(who.getName()) : line.selfAndLine(who.getName()));
    }

    private static boolean has(Authentication who, String role) {
        return who.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(role::equals);
    }
}
