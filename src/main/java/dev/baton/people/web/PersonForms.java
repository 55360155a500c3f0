package dev.baton.people.web;

import dev.baton.people.NameOrder;
import dev.baton.people.PeopleService;
import dev.baton.people.PersonView;
import dev.baton.people.Role;
import dev.baton.people.TeamService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;

/**
 * What the people forms (a new person on {@code /people}, team, manager and roles on a person's page)
 * offer and read: the teams, who may be a manager, the roles, and the values as typed back after a
 * refused form. The rules are the API's ({@link PeopleService#create}, {@link PeopleService#update}).
 */
final class PersonForms {

    /** What an empty set of roles is told (the API's "must not be empty", in the form's words). */
    static final String NO_ROLE = "tick at least one role";

    private PersonForms() {}

    /** The form's choices and, after a refused form, its errors and values (flashed), into {@code model}. */
    static void choices(Model model, PeopleService people, TeamService teams, PersonView current) {
        model.addAttribute(
                "teamChoices", teams.find(Pageable.unpaged(Sort.by("name"))).getContent());
        model.addAttribute("managerChoices", managers(people, current));
        model.addAttribute("roleChoices", Role.values());
        model.addAttribute("errors", model.asMap().getOrDefault("errors", Map.of()));
        model.addAttribute("form", model.asMap().getOrDefault("form", Map.of()));
    }

    /**
     * Who may be someone's manager, as the API's {@code managerId} allows (active, MANAGER or ADMIN), by
     * full name; and the person's manager now, if they no longer may (so the form does not drop them
     * unasked: saving keeps them only if the API still takes them, and says why not otherwise). Not the
     * person themselves.
     */
    static List<PersonView> managers(PeopleService people, PersonView current) {
        Map<Long, PersonView> byId = new LinkedHashMap<>();
        Stream.of(Role.MANAGER, Role.ADMIN)
                .flatMap(role -> people.find(null, role, true, Pageable.unpaged()).stream())
                .forEach(p -> byId.putIfAbsent(p.id(), p));
        if (current != null) {
            byId.remove(current.id());
            if (current.managerId() != null && !byId.containsKey(current.managerId())) {
                byId.put(current.managerId(), people.get(current.managerId()));
            }
        }
        List<PersonView> managers = new ArrayList<>(byId.values());
        managers.sort(Comparator.comparing(PersonView::fullName, NameOrder.NAMES));
        return managers;
    }

    /**
     * An id a select sent: null for none (blank); a value that is no whole number (a form not sent by the
     * page) is an error at {@code field} in {@code errors}.
     */
    static Long id(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "'" + value + "' is not a whole number");
            return null;
        }
    }

    /** The roles ticked; a name that is no role is an error at {@code roles} in {@code errors}. */
    static Set<Role> roles(List<String> names, Map<String, String> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.put("roles", "'" + name + "' is not one of " + Role.names());
            }
        }
        return roles;
    }
}
