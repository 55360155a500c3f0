package dev.baton.people;

import static dev.baton.people.Role.ADMIN;
import static dev.baton.people.Role.MANAGER;
import static dev.baton.people.Role.REVOPS;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a role grants beyond a person's own work and their line, one rule per capability, read by the
 * endpoints ({@code @PreAuthorize("@capabilities.granted(authentication, 'IMPORT_RECORDS')")}), the
 * services and the menu ({@link Capabilities}), so no page links to what answers 403.
 *
 * <p>Revenue operations (REVOPS) draw, run and fix the playbooks, import the CRM's records and read
 * the reports for the whole company; they do not manage people, teams, roles or passwords, and do not
 * act in a manager's line (move accounts, commitments or tasks, launch handovers). What stays with
 * admins, and why, is in the README's "Roles".
 */
public enum Capability {
    /**
     * Upload playbooks, move running instances to a new version, launch any playbook the catalogue
     * offers (whatever its launch roles) and cancel any run.
     */
    MANAGE_PLAYBOOKS(ADMIN, REVOPS),
    /**
     * Cancel the playbook runs one launched oneself (any run: {@link #MANAGE_PLAYBOOKS}). Who has neither
     * may cancel no run: the cancel endpoints refuse them before reading the reason.
     */
    CANCEL_OWN_RUNS(MANAGER),
    /** The problems page: playbook steps that failed for good and runs stuck, to fix in the model or the data. */
    READ_PLAYBOOK_PROBLEMS(ADMIN, REVOPS),
    /** Import accounts, contacts, interactions, commitments and leads. */
    IMPORT_RECORDS(ADMIN, REVOPS),
    /** Import teams and people: creates sign-in users and gives roles, so it is people management. */
    IMPORT_PEOPLE(ADMIN),
    /** Read the trust report and the data-quality findings (a manager: of their line). */
    READ_REPORTS(ADMIN, MANAGER, REVOPS),
    /** Read the reports and findings of the whole company, not of a line, unowned work included. */
    READ_COMPANY_REPORTS(ADMIN, REVOPS),
    /**
     * Fix data-quality findings (verify or merge a contact, give an account or commitment an owner), each
     * then checked as the same change anywhere in Baton: in the account's line. Revenue ops read every
     * finding but act in nobody's line, so they fix none.
     */
    FIX_FINDINGS(ADMIN, MANAGER);

    private final Set<Role> roles;

    Capability(Role... roles) {
        this.roles = EnumSet.of(roles[0], roles);
    }

    /** Whether any of {@code roles} grants this capability. */
    public boolean grantedTo(Collection<Role> roles) {
        return roles.stream().anyMatch(this.roles::contains);
    }

    /** Whether any of the roles, named as Baton names them (ADMIN, REVOPS, ...), grants it; unknown names grant nothing. */
    public boolean grantedToNames(Collection<String> roleNames) {
        return roles.stream().anyMatch(r -> roleNames.contains(r.name()));
    }

    /** Whether the signed-in {@code who} (authorities ROLE_*) has it; false for nobody signed in. */
    public boolean grantedTo(Authentication who) {
        return who != null
                && who.isAuthenticated()
                && who.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(a -> roles.stream().anyMatch(r -> a.equals("ROLE_" + r.name())));
    }

    /** Whether the person has it. */
    public boolean grantedTo(Person person) {
        return grantedTo(person.getRoles());
    }
}
