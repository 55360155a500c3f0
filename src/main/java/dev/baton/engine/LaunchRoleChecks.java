package dev.baton.engine;

import dev.baton.people.Role;
import dev.baton.shared.Text;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/**
 * The roles a process names in {@code baton:launchRoles} must be Baton's roles ({@link Role}):
 * an unknown one ("GODMODE", a typo like "MANGER") would silently let nobody of that role launch
 * it. Case and spaces do not matter, as the catalogue reads the property. "none" says Baton starts
 * the process itself: only Baton's own files may say it, as nobody could launch an upload.
 */
final class LaunchRoleChecks {

    private static final String VALID =
            Arrays.stream(Role.values()).map(Role::name).sorted().collect(Collectors.joining(", "));

    private LaunchRoleChecks() {}

    static void check(PlaybookXml xml, Map<String, String> names, boolean upload, List<PlaybookProblem> problems) {
        for (Element process : xml.all(PlaybookXml.BPMN, "process")) {
            String value = PlaybookXml.launchRolesProperty(process);
            if (value == null || !PlaybookXml.executable(process)) {
                continue;
            }
            String id = process.getAttribute("id");
            if ("none".equalsIgnoreCase(value.strip())) {
                if (upload) {
                    problems.add(new PlaybookProblem(
                            id,
                            names.get(id),
                            PlaybookXml.LAUNCH_ROLES + " is 'none', which is for Baton's own processes that it"
                                    + " starts itself: nobody could launch this playbook. Name the roles that may"
                                    + " launch it (" + VALID + "), or leave the property out for MANAGER and ADMIN"));
                }
                continue;
            }
            List<String> unknown = Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(role -> !role.isEmpty() && !known(role))
                    .toList();
            for (String role : unknown) {
                problems.add(new PlaybookProblem(
                        id,
                        names.get(id),
                        PlaybookXml.LAUNCH_ROLES + " names the role '" + Text.showInvisible(role)
                                + "', which Baton does not have:" + " nobody would have it. Baton's roles: " + VALID));
            }
        }
    }

    private static boolean known(String role) {
        return Arrays.stream(Role.values()).anyMatch(r -> r.name().equalsIgnoreCase(role));
    }
}
