package dev.baton.playbook.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;

/** A signed-in person's roles as Baton names them (ADMIN, MANAGER, ...), without Spring's ROLE_ prefix. */
final class Roles {

    private Roles() {}

    static Set<String> of(Authentication auth) {
        return auth == null
                ? Set.of()
                : auth.getAuthorities().stream()
                        .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                        .collect(Collectors.toSet());
    }
}
