package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.support.Multipart;
import dev.baton.support.SignedIn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Revenue operations (the demo's olga, role REVOPS) through the real app: the playbooks, the imports of
 * the CRM's records, the reports and the problems page, each also refused to a rep (rob); not the
 * management of people, teams, roles and passwords, nor the imports that create sign-in users, nor
 * fixes in a manager's line; and a menu with just their pages.
 */
class RevenueOpsIntegrationTests extends EngineIntegrationTest {

    static final String REVOPS = "olga";
    static final String REP = "rob";

    @Test
    void revenueOpsReadAndUpgradeThePlaybooksARepMayNot() {
        assertThat(get(REVOPS, "/api/playbooks/sample-review/upgrade")).isEqualTo(200);
        assertThat(get(REP, "/api/playbooks/sample-review/upgrade")).isEqualTo(403);
    }

    /** A playbook of theirs, launched and canceled: its launch roles are the default, MANAGER and ADMIN. */
    @Test
    void revenueOpsUploadLaunchAndCancelAnyPlaybookARepMayNot() {
        String processId = "revops-upload-" + System.nanoTime();
        String bpmn = new String(read("playbooks/modeler-assignments.bpmn"), StandardCharsets.UTF_8)
                .replace("Process_1k2v9zt", processId);
        String launch = "/api/playbooks/" + processId + "/instances";

        assertThat(upload(REP, bpmn)).isEqualTo(403);
        assertThat(upload(REVOPS, bpmn)).isEqualTo(201);
        assertThat(post(REP, launch, Map.of())).isEqualTo(403);
        assertThat(post(REVOPS, launch, Map.of())).isEqualTo(201);

        ResponseEntity<Map> byMaria = as("maria").postForEntity(launch, Map.of(), Map.class);
        assertThat(byMaria.getStatusCode().value()).isEqualTo(201);
        String cancel = "/api/playbooks/instances/" + byMaria.getBody().get("processInstanceKey") + "/cancel";
        assertThat(post(REP, cancel, Map.of("reason", "not mine"))).isEqualTo(403);
        assertThat(post(REVOPS, cancel, Map.of("reason", "a test run of the new version")))
                .isEqualTo(200);
    }

    /**
     * Found by session 41's probe: every catalogue playbook works on an account, and revenue ops, in nobody's
     * line, were refused on each ("not in Olga Reyes's line"), so they could launch none. They may launch on
     * any account (its blocks then act with their rights); a manager of another line still may not.
     */
    @Test
    void revenueOpsLaunchAPlaybookOnAnyAccount() {
        List<Map<String, Object>> robs = (List<Map<String, Object>>)
                as(REP).getForObject("/api/accounts?size=1", Map.class).get("content");
        Object robsAccount = robs.getFirst().get("id");

        assertThat(post(REVOPS, "/api/playbooks/sample-review/instances", Map.of("accountId", robsAccount)))
                .isEqualTo(201);
        assertThat(post("marcus", "/api/playbooks/sample-review/instances", Map.of("accountId", robsAccount)))
                .isEqualTo(403);
    }

    /**
     * Found by session 41's probe: an account's page offered revenue ops "Mark verified" and the sales-to-CS
     * handoff, both then refused (the account is in nobody's line of theirs). Offered only to who may act on
     * the account: rob's manager sees both on his account.
     */
    @Test
    void anAccountsPageOffersItsActionsOnlyToWhoMayActOnIt() {
        List<Map<String, Object>> robs = (List<Map<String, Object>>)
                as(REP).getForObject("/api/accounts?size=1", Map.class).get("content");
        String path = "/accounts/" + robs.getFirst().get("id");

        String olgas = SignedIn.as(http, REVOPS).getForObject(path, String.class);
        String marias = SignedIn.as(http, "maria").getForObject(path, String.class);

        assertThat(marias).contains("Mark verified", "sales-to-CS handoff</button>");
        assertThat(olgas).contains(robs.getFirst().get("name").toString().split(" ")[0]);
        assertThat(olgas).doesNotContain("Mark verified", "/handoff-to-cs");
    }

    @Test
    void revenueOpsReadTheProblemsPageARepMayNot() {
        assertThat(get(REVOPS, "/api/admin/problems")).isEqualTo(200);
        assertThat(get(REP, "/api/admin/problems")).isEqualTo(403);
        assertThat(SignedIn.as(http, REVOPS)
                        .getForEntity("/admin/problems", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void revenueOpsImportTheCrmsRecordsARepMayNot() {
        String accounts = "external_id,name\nrevops-1,Revops Imported Co\n";

        assertThat(importFile(REP, "ACCOUNTS", accounts).getStatusCode().value())
                .isEqualTo(403);
        assertThat(importFile(REVOPS, "ACCOUNTS", accounts).getStatusCode().value())
                .isEqualTo(202);
        assertThat(get(REVOPS, "/api/imports")).isEqualTo(200);
        assertThat(get(REP, "/api/imports")).isEqualTo(403);
    }

    /** A people file creates sign-in users and gives roles (ADMIN too): people management, an admin's. */
    @Test
    void revenueOpsImportNeitherPeopleNorTeamsNorReadThoseImports() {
        String person = "email,full_name,roles\nrevops-made@example.com,Made By Olga,ADMIN\n";

        ResponseEntity<Map> people = importFile(REVOPS, "PEOPLE", person);
        ResponseEntity<Map> teams = importFile(REVOPS, "TEAMS", "key,name\nrevops-team,Olga's team\n");
        ResponseEntity<Map> byAdmin = importFile("ada", "PEOPLE", person);

        assertThat(people.getStatusCode().value()).isEqualTo(403);
        assertThat(people.getBody()).containsEntry("status", 403).containsKey("detail");
        assertThat((String) people.getBody().get("detail")).contains("people", "sign-in users");
        assertThat(teams.getStatusCode().value()).isEqualTo(403);
        // found by session 41's probe: a team import was refused with the people import's reason
        assertThat((String) teams.getBody().get("detail")).contains("teams").doesNotContain("sign-in users");
        assertThat(byAdmin.getStatusCode().value()).isEqualTo(202);
        assertThat(get(REVOPS, "/api/imports/" + byAdmin.getBody().get("id"))).isEqualTo(403);
        assertThat(ids(as(REVOPS).getForEntity("/api/imports?size=200", Map.class)))
                .doesNotContain(byAdmin.getBody().get("id"));
        String page = SignedIn.as(http, REVOPS).getForObject("/imports", String.class);
        assertThat(page)
                .contains("value=\"ACCOUNTS\"", "id=\"people-by-admins\"")
                .doesNotContain("value=\"PEOPLE\"");
    }

    @Test
    void revenueOpsReadTheWholeCompanysTrustReportARepMayNot() {
        ResponseEntity<Map> report = as(REVOPS).getForEntity("/api/reports/trust", Map.class);

        assertThat(report.getStatusCode().value()).isEqualTo(200);
        // olga manages nobody: she reads everyone's reps, as an admin does, not an empty line
        assertThat(report.getBody().toString()).contains("Rob Jansen", "Ravi Shankar");
        assertThat(get(REP, "/api/reports/trust")).isEqualTo(403);
    }

    @Test
    void revenueOpsReadEveryDataQualityFindingButFixNoneInAManagersLine() {
        Map summary = as(REVOPS).getForObject("/api/data-quality", Map.class);
        assertThat(summary.toString()).contains("Rob Jansen", "Ravi Shankar");
        assertThat(get(REP, "/api/data-quality")).isEqualTo(403);

        Map stale = as(REVOPS).getForObject("/api/data-quality/findings?kind=STALE_CONTACT", Map.class);
        Object contact =
                ((List<Map<String, Object>>) stale.get("content")).get(0).get("subjectId");
        assertThat(post(REVOPS, "/api/data-quality/contacts/" + contact + "/verify", null))
                .isEqualTo(403);
        String page = SignedIn.as(http, REVOPS).getForObject("/data-quality", String.class);
        assertThat(page).contains("Open the account").doesNotContain("/verify");
    }

    @Test
    void revenueOpsManageNoPeopleTeamsRolesOrPasswords() {
        long rob = personId(REP);
        ResponseEntity<Map> password = as(REVOPS)
                .exchange(
                        "/api/people/" + rob + "/password",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("newPassword", "olga-knows-it-now")),
                        Map.class);
        ResponseEntity<Map> newPerson = as(REVOPS)
                .postForEntity(
                        "/api/people",
                        Map.of(
                                "username", "olga2",
                                "fullName", "Olga Again",
                                "email", "olga2@example.com",
                                "password", "a-long-password-1",
                                "roles", List.of("ADMIN")),
                        Map.class);
        int team = post(REVOPS, "/api/teams", Map.of("key", "olgas", "name", "Olga's"));

        assertThat(password.getStatusCode().value()).isEqualTo(403);
        assertThat(password.getBody()).containsEntry("status", 403).containsEntry("title", "Forbidden");
        assertThat(newPerson.getStatusCode().value()).isEqualTo(403);
        assertThat(team).isEqualTo(403);
        assertThat(http.withBasicAuth(REP, "olga-knows-it-now")
                        .getForEntity("/api/people/me", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void anAdminMakesSomeoneRevenueOps() {
        ResponseEntity<Map> made = as("ada")
                .postForEntity(
                        "/api/people",
                        Map.of(
                                "username", "revops-new",
                                "fullName", "Rev Ops New",
                                "email", "revops-new@example.com",
                                "password", "a-long-password-1",
                                "roles", List.of("REVOPS")),
                        Map.class);

        assertThat(made.getStatusCode().value())
                .as(String.valueOf(made.getBody()))
                .isEqualTo(201);
        assertThat((List<Object>) made.getBody().get("roles")).containsExactly("REVOPS");
        assertThat(http.withBasicAuth("revops-new", "a-long-password-1")
                        .getForEntity("/api/imports", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    /** The menu offers revenue ops their pages and no link that would answer 403. */
    @Test
    void theMenuShowsRevenueOpsTheirPagesAndNotTheOthers() {
        String olgas = nav(REVOPS);
        String robs = nav(REP);

        List<String> theirs = List.of("/reports/trust", "/data-quality", "/imports", "/admin/problems");
        List<String> notTheirs = List.of("/people\"", "/handovers\"", "/admin/mail", "/absences/today", "/audit\"");
        for (String href : theirs) {
            assertThat(olgas).as("olga's menu").contains("href=\"" + href);
            assertThat(robs).as("rob's menu").doesNotContain("href=\"" + href);
        }
        for (String href : notTheirs) {
            assertThat(olgas).as("olga's menu").doesNotContain("href=\"" + href);
        }
        assertThat(SignedIn.as(http, REVOPS).getForObject("/playbooks", String.class))
                .contains("action=\"/playbooks\"");
        assertThat(SignedIn.as(http, REP).getForObject("/playbooks", String.class))
                .doesNotContain("action=\"/playbooks\"");
    }

    private String nav(String who) {
        String page = SignedIn.as(http, who).getForObject("/tasks", String.class);
        return page.substring(page.indexOf("id=\"main-nav\""), page.indexOf("</ul>", page.indexOf("id=\"main-nav\"")));
    }

    private ResponseEntity<Map> importFile(String who, String kind, String csv) {
        return as(who).postForEntity(
                        "/api/imports?kind=" + kind + "&dryRun=true",
                        Multipart.files("file", Map.of("file.csv", csv.getBytes(StandardCharsets.UTF_8))),
                        Map.class);
    }

    private int upload(String who, String bpmn) {
        return as(who).postForEntity(
                        "/api/playbooks",
                        Multipart.files("files", Map.of("revops.bpmn", bpmn.getBytes(StandardCharsets.UTF_8))),
                        String.class)
                .getStatusCode()
                .value();
    }

    private int get(String who, String path) {
        return as(who).getForEntity(path, String.class).getStatusCode().value();
    }

    private int post(String who, String path, Object body) {
        return as(who).postForEntity(path, body, String.class).getStatusCode().value();
    }

    private static byte[] read(String resource) {
        try (var in = RevenueOpsIntegrationTests.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
