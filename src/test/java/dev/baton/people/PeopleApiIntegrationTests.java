package dev.baton.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.audit.AuditEvents;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.Commitments;
import dev.baton.support.SignedIn;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeopleApiIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    People people;

    @Autowired
    Teams teams;

    @Autowired
    AuditEvents audit;

    @Autowired
    Accounts accounts;

    @Autowired
    Commitments commitments;

    TestRestTemplate admin() {
        return http.withBasicAuth("ada", "demo");
    }

    ResponseEntity<Map> createPerson(String username, Long managerId) {
        return createPerson(username, managerId, "REP");
    }

    ResponseEntity<Map> createPerson(String username, Long managerId, String role) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "username",
                username,
                "fullName",
                "New " + username,
                "email",
                username + "@example.com",
                "password",
                "secret-123",
                "roles",
                List.of(role)));
        if (managerId != null) {
            body.put("managerId", managerId);
        }
        return admin().postForEntity("/api/people", body, Map.class);
    }

    /** Found by a probe: the person page said "reports to maria". */
    @Test
    void thePersonPageNamesTheirManagerByFullName() {
        Person maria = people.findByUsername("maria").orElseThrow();
        String username = "mgr-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        long id = ((Number) createPerson(username, maria.getId()).getBody().get("id")).longValue();

        String page = SignedIn.as(http, "ada").getForObject("/people/" + id, String.class);

        assertThat(page).contains("reports to <span>" + maria.getFullName() + "</span>");
    }

    @Test
    void adminCreatesPersonWhoCanSignInWithHashedPasswordAndAudited() {
        ResponseEntity<Map> created = createPerson("nadia", null);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Long id = ((Number) created.getBody().get("id")).longValue();
        assertThat(created.getBody()).doesNotContainKey("passwordHash");
        assertThat(people.findById(id).orElseThrow().getPasswordHash()).startsWith("{bcrypt}");
        ResponseEntity<Map> me = http.withBasicAuth("nadia", "secret-123").getForEntity("/api/people/me", Map.class);
        assertThat(me.getBody()).containsEntry("username", "nadia");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("person", id))
                .extracting(e -> e.getAction())
                .containsExactly("person.created");
    }

    /** Found by a probe: a person named system acted as Baton in the audit trail and over the runs it started. */
    @Test
    void refusesTheNameBatonRecordsItsOwnActionsUnderAndWritesNothing() {
        long before = people.count();

        ResponseEntity<Map> system = createPerson("system", null);

        assertThat(system.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) system.getBody().get("errors"))
                .containsEntry("username", "'system' is the name Baton records its own actions under: choose another");
        assertThat(people.count()).isEqualTo(before);
    }

    @Test
    void refusesTakenUsernameAndEmailNamingTheFieldAndWritesNothing() {
        long before = people.count();

        ResponseEntity<Map> sameUsername = createPerson("rob", null);
        ResponseEntity<Map> sameEmail = admin().postForEntity(
                        "/api/people",
                        Map.of(
                                "username",
                                "robert",
                                "fullName",
                                "Robert",
                                "email",
                                "ROB@baton.example",
                                "password",
                                "secret-123",
                                "roles",
                                List.of("REP")),
                        Map.class);

        assertThat(sameUsername.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) sameUsername.getBody().get("detail")).isEqualTo("username: 'rob' is already taken");
        assertThat((Map<String, Object>) sameUsername.getBody().get("errors"))
                .containsExactly(Map.entry("username", "'rob' is already taken"));
        assertThat(sameEmail.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) sameEmail.getBody().get("detail")).startsWith("email:");
        assertThat((Map<String, Object>) sameEmail.getBody().get("errors"))
                .containsExactly(Map.entry("email", "'ROB@baton.example' is already used by another person"));
        assertThat(people.count()).isEqualTo(before);
    }

    @Test
    void refusesATakenTeamKeyNamingTheField() {
        String key = teams.findAll().getFirst().getKey();

        ResponseEntity<Map> taken = admin().postForEntity("/api/teams", Map.of("key", key, "name", "Again"), Map.class);

        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((Map<String, Object>) taken.getBody().get("errors"))
                .containsExactly(Map.entry("key", "team '" + key + "' already exists"));
    }

    @Test
    void namesEachInvalidFieldOfANewPerson() {
        ResponseEntity<Map> bad = admin().postForEntity(
                        "/api/people",
                        Map.of(
                                "username",
                                "Has Spaces",
                                "fullName",
                                "",
                                "email",
                                "not-an-email",
                                "password",
                                "short",
                                "roles",
                                List.of()),
                        Map.class);

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) bad.getBody().get("errors"))
                .containsOnlyKeys("username", "fullName", "email", "password", "roles");
    }

    @Test
    void refusesAReportingLoop() {
        Long boss =
                ((Number) createPerson("loop-boss", null, "MANAGER").getBody().get("id")).longValue();
        Long report =
                ((Number) createPerson("loop-report", boss, "MANAGER").getBody().get("id")).longValue();

        Map<String, Object> changes = new java.util.HashMap<>(Map.of(
                "fullName",
                "Boss",
                "email",
                "loop-boss@example.com",
                "roles",
                List.of("MANAGER"),
                "managerId",
                report,
                "version",
                people.findById(boss).orElseThrow().getVersion()));
        changes.put("teamId", null);
        changes.put("timeZone", null);
        ResponseEntity<Map> loop =
                admin().exchange("/api/people/" + boss, HttpMethod.PUT, new HttpEntity<>(changes), Map.class);

        assertThat(loop.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) loop.getBody().get("errors")).containsKey("managerId");
        assertThat((String) loop.getBody().get("detail"))
                .as("people named as people read names, not by user name")
                .isEqualTo(
                        "managerId: New loop-boss cannot report to New loop-report: that would make a reporting loop");
        assertThat(people.findById(boss).orElseThrow().getManager()).isNull();
    }

    @Test
    void meIsTheSignedInPerson() {
        assertThat(http.withBasicAuth("rob", "demo").getForObject("/api/people/me", Map.class))
                .containsEntry("username", "rob")
                .containsEntry("teamKey", "sales-emea")
                .containsEntry("managerUsername", "maria");
    }

    @Test
    void filtersPeopleByRoleAndTeamInPages() {
        Long salesEmea = teams.findByKey("sales-emea").orElseThrow().getId();

        Map page = http.withBasicAuth("rob", "demo")
                .getForObject("/api/people?role=REP&team=" + salesEmea + "&size=1&sort=username", Map.class);

        assertThat(page).containsEntry("size", 1).containsEntry("page", 0);
        assertThat(((Number) page.get("totalElements")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat((List<Map<String, Object>>) page.get("content"))
                .singleElement()
                .satisfies(p -> assertThat((List<String>) p.get("roles")).contains("REP"))
                .satisfies(p -> assertThat(p).containsEntry("teamKey", "sales-emea"));
    }

    @Test
    void aRepCannotWriteTeams() {
        long before = teams.count();

        ResponseEntity<Map> denied = http.withBasicAuth("rob", "demo")
                .postForEntity("/api/teams", Map.of("key", "rob-team", "name", "Rob's team"), Map.class);

        assertThat(denied.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(denied.getBody()).containsEntry("status", 403);
        assertThat(teams.count()).isEqualTo(before);
    }

    @Test
    void deactivationWaitsUntilTheBookIsHandedOver() {
        Long leaver = ((Number) createPerson("leaver", null).getBody().get("id")).longValue();
        Long rob = people.findByUsername("rob").orElseThrow().getId();
        // the leaver is in nobody's team or line: only an admin may give them an account
        Map account = admin().postForObject(
                        "/api/accounts", Map.of("name", "Leaver's account", "ownerId", leaver), Map.class);

        ResponseEntity<Map> refused = admin().postForEntity("/api/people/" + leaver + "/deactivate", null, Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("detail"))
                .isEqualTo("New leaver still owns 1 account: hand it over first (launch a handover)");
        assertThat(people.findById(leaver).orElseThrow().isActive()).isTrue();

        admin().put(
                        "/api/accounts/" + account.get("id") + "/owner",
                        Map.of("ownerId", rob, "version", account.get("version")));
        ResponseEntity<Map> done = admin().postForEntity("/api/people/" + leaver + "/deactivate", null, Map.class);

        assertThat(done.getBody()).containsEntry("active", false);
        assertThat(http.withBasicAuth("leaver", "secret-123")
                        .getForEntity("/api/people/me", Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("person", leaver))
                .extracting(e -> e.getAction())
                .containsExactly("person.created", "person.deactivated");
    }

    @Test
    void aPersonHasARegionTimeZoneAndAnUnknownOrFixedOffsetZoneIsRefusedAtItsField() {
        Long id = ((Number) createPerson("zoe-tz", null).getBody().get("id")).longValue();
        Person zoe = people.findById(id).orElseThrow();
        assertThat(zoe.getTimeZone()).as("no zone of her own: the company's").isNull();

        Map<String, Object> toSydney = changes(zoe.getFullName(), zoe.getEmail(), "REP", zoe);
        toSydney.put("timeZone", "Australia/Sydney");
        ResponseEntity<Map> moved =
                admin().exchange("/api/people/" + id, HttpMethod.PUT, new HttpEntity<>(toSydney), Map.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody().get("timeZone")).isEqualTo("Australia/Sydney");

        Person sydney = people.findById(id).orElseThrow();
        for (String bad : List.of("Mars/Olympus", "+02:00")) {
            Map<String, Object> body = changes("Zoe Renamed", sydney.getEmail(), "REP", sydney);
            body.put("timeZone", bad);
            ResponseEntity<Map> refused =
                    admin().exchange("/api/people/" + id, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
            assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((Map<String, Object>) refused.getBody().get("errors")).containsKey("timeZone");
        }
        assertThat(people.findById(id).orElseThrow())
                .satisfies(
                        p -> assertThat(p.getTimeZone()).isEqualTo("Australia/Sydney"),
                        p -> assertThat(p.getFullName()).isEqualTo("New zoe-tz"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPersonChoosesTheirOwnTimeZoneAndABadOneIsRefusedAtItsFieldChangingNothing() {
        Long id = ((Number) createPerson("yuki-tz", null).getBody().get("id")).longValue();
        TestRestTemplate yuki = http.withBasicAuth("yuki-tz", "secret-123");

        ResponseEntity<Map> chosen = yuki.exchange(
                "/api/people/me/time-zone",
                HttpMethod.PUT,
                new HttpEntity<>(Map.of("timeZone", "America/Los_Angeles")),
                Map.class);

        assertThat(chosen.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(chosen.getBody()).containsEntry("timeZone", "America/Los_Angeles");
        assertThat(yuki.getForObject("/api/people/me", Map.class)).containsEntry("timeZone", "America/Los_Angeles");
        for (String bad :
                List.of("{\"timeZone\":\"Mars/Olympus\"}", "{\"timeZone\":\"+02:00\"}", "{}", "{\"timeZone\":7}")) {
            org.springframework.http.HttpHeaders json = new org.springframework.http.HttpHeaders();
            json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
            ResponseEntity<Map> refused =
                    yuki.exchange("/api/people/me/time-zone", HttpMethod.PUT, new HttpEntity<>(bad, json), Map.class);
            assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((Map<String, Object>) refused.getBody().get("errors"))
                    .as(bad)
                    .containsKey("timeZone");
        }
        assertThat(people.findById(id).orElseThrow().getTimeZone()).isEqualTo("America/Los_Angeles");

        Map<String, Object> companyDefault = new java.util.HashMap<>();
        companyDefault.put("timeZone", null);
        ResponseEntity<Map> back =
                yuki.exchange("/api/people/me/time-zone", HttpMethod.PUT, new HttpEntity<>(companyDefault), Map.class);
        assertThat(back.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(people.findById(id).orElseThrow().getTimeZone())
                .as("the company's again")
                .isNull();
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("person", id))
                .extracting(e -> e.getAction())
                .containsExactly("person.created", "person.updated", "person.updated");
    }

    @Test
    void aPersonEditThatChangesNothingIsNeitherAuditedNorANewVersion() {
        Long id = ((Number) createPerson("same-sam", null, "MANAGER").getBody().get("id")).longValue();
        Map<String, Object> same = new java.util.HashMap<>(Map.of(
                "fullName",
                "New same-sam",
                "email",
                "same-sam@example.com",
                "roles",
                List.of("MANAGER", "REP"),
                "version",
                0));
        same.put("teamId", null);
        same.put("managerId", null);
        same.put("timeZone", null);
        admin().exchange("/api/people/" + id, HttpMethod.PUT, new HttpEntity<>(same), Map.class);
        long version = people.findById(id).orElseThrow().getVersion();
        same.put("version", version);

        ResponseEntity<Map> edited =
                admin().exchange("/api/people/" + id, HttpMethod.PUT, new HttpEntity<>(same), Map.class);
        Map<String, Object> companyZone = new java.util.HashMap<>();
        companyZone.put("timeZone", null);
        ResponseEntity<Map> ownZone = http.withBasicAuth("same-sam", "secret-123")
                .exchange("/api/people/me/time-zone", HttpMethod.PUT, new HttpEntity<>(companyZone), Map.class);

        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ownZone.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(edited.getBody()).containsEntry("version", (int) version);
        assertThat(people.findById(id).orElseThrow().getVersion()).isEqualTo(version);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("person", id))
                .extracting(e -> e.getAction())
                .as("only the edit that added the REP role")
                .containsExactly("person.created", "person.updated");
    }

    @Test
    void theOnlyActiveAdminCannotDemoteOrDeactivateThemselves() {
        Person ada = people.findByUsername("ada").orElseThrow();
        assertThat(people.countActiveWithRole(Role.ADMIN))
                .as("ada is the only active admin")
                .isEqualTo(1);

        ResponseEntity<Map> demoted = admin().exchange(
                        "/api/people/" + ada.getId(),
                        HttpMethod.PUT,
                        new HttpEntity<>(changes(ada.getFullName(), ada.getEmail(), "MANAGER", ada)),
                        Map.class);
        ResponseEntity<Map> deactivated =
                admin().postForEntity("/api/people/" + ada.getId() + "/deactivate", null, Map.class);

        assertThat(demoted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        String lastAdmin =
                "Ada Lovelace is the only active admin and cannot lose the admin role: make someone else an admin first";
        assertThat((String) demoted.getBody().get("detail")).isEqualTo("roles: " + lastAdmin);
        assertThat((Map<String, Object>) demoted.getBody().get("errors"))
                .containsExactly(Map.entry("roles", lastAdmin));
        assertThat(deactivated.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(people.findByUsername("ada").orElseThrow())
                .satisfies(
                        p -> assertThat(p.isActive()).isTrue(),
                        p -> assertThat(p.hasRole(Role.ADMIN)).isTrue());
    }

    @Test
    void aManagerWithActiveReportsIsNeitherDeactivatedNorDemoted() {
        Long boss =
                ((Number) createPerson("busy-boss", null, "MANAGER").getBody().get("id")).longValue();
        createPerson("busy-report", boss);

        ResponseEntity<Map> deactivated = admin().postForEntity("/api/people/" + boss + "/deactivate", null, Map.class);
        ResponseEntity<Map> demoted = makeRep(boss, "busy-boss@example.com");

        assertThat(deactivated.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) deactivated.getBody().get("detail"))
                .isEqualTo(
                        "New busy-boss still manages 1 active person and cannot be deactivated: give them another manager first");
        assertThat(demoted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        String manages =
                "New busy-boss still manages 1 active person and cannot lose the manager role: give them another manager first";
        assertThat((String) demoted.getBody().get("detail")).isEqualTo("roles: " + manages);
        assertThat((Map<String, Object>) demoted.getBody().get("errors"))
                .as("the reason a people import gives at roles too (PeopleImports.refusal)")
                .containsExactly(Map.entry("roles", manages));
        assertThat(people.findById(boss).orElseThrow().isActive()).isTrue();
    }

    @Test
    void anAdminWhoManagesActivePeopleWithoutTheManagerRoleIsNotMadeAPlainRep() {
        Long boss =
                ((Number) createPerson("admin-boss", null, "ADMIN").getBody().get("id")).longValue();
        ResponseEntity<Map> report = createPerson("admin-report", boss);
        assertThat(report.getStatusCode())
                .as("an admin may be someone's manager without the MANAGER role")
                .isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> demoted = makeRep(boss, "admin-boss@example.com");

        assertThat(demoted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((Map<String, Object>) demoted.getBody().get("errors"))
                .containsExactly(
                        Map.entry(
                                "roles",
                                "New admin-boss still manages 1 active person and cannot lose the admin role: give them another manager first"));
        assertThat(people.findById(boss).orElseThrow())
                .satisfies(
                        p -> assertThat(p.getRoles()).containsExactly(Role.ADMIN),
                        p -> assertThat(p.getFullName()).isEqualTo("New admin-boss"));

        // once nobody active reports to them they may (which leaves ada the only admin, as other tests expect)
        admin().postForEntity("/api/people/" + report.getBody().get("id") + "/deactivate", null, Map.class);
        ResponseEntity<Map> later = makeRep(boss, "admin-boss@example.com");
        assertThat(later.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyAnActiveManagerCanBeSomeonesManager() {
        Long rob = people.findByUsername("rob").orElseThrow().getId();
        Long gone =
                ((Number) createPerson("gone-boss", null, "MANAGER").getBody().get("id")).longValue();
        admin().postForEntity("/api/people/" + gone + "/deactivate", null, Map.class);

        ResponseEntity<Map> underARep = createPerson("under-rep", rob);
        ResponseEntity<Map> underTheInactive = createPerson("under-gone", gone);

        assertThat(underARep.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) underARep.getBody().get("errors"))
                .containsEntry("managerId", "Rob Jansen is not a manager: give them the MANAGER role first");
        assertThat(underTheInactive.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) underTheInactive.getBody().get("errors"))
                .containsEntry("managerId", "New gone-boss is inactive and cannot manage anyone");
        assertThat(people.existsByUsername("under-rep") || people.existsByUsername("under-gone"))
                .isFalse();
    }

    @Test
    void aChangeSentAsPlainTextIsAnUnsupportedMediaTypeProblemAndChangesNothing() {
        Person maria = people.findByUsername("maria").orElseThrow();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        String body = "{\"fullName\": \"Maria Plain\"}";

        for (String path : List.of(
                "/api/people/" + maria.getId(),
                "/api/teams/" + teams.findAll().getFirst().getId())) {
            ResponseEntity<Map> answer =
                    admin().exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), Map.class);

            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            assertThat(answer.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody()).as(path).containsEntry("status", 415);
        }
        assertThat(people.findById(maria.getId()).orElseThrow().getVersion()).isEqualTo(maria.getVersion());
    }

    @Test
    void aRejectedCommitmentStillToBeRenegotiatedBlocksItsOwnersDeactivation() {
        Long leaver = ((Number) createPerson("rejecter", null).getBody().get("id")).longValue();
        Person owner = people.findById(leaver).orElseThrow();
        Account account = accounts.save(
                new Account("Rejecter's customer", people.findByUsername("rob").orElseThrow(), null, null, null));
        Commitment rejected = new Commitment(
                account, null, "Price hold", owner, owner, null, LocalDate.now().plusDays(9));
        rejected.reject("delivery said no");
        commitments.save(rejected);

        ResponseEntity<Map> refused = admin().postForEntity("/api/people/" + leaver + "/deactivate", null, Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("detail"))
                .contains("still owns 1 open commitment")
                .doesNotContain("commitments", " 0 ");
        assertThat(people.findById(leaver).orElseThrow().isActive()).isTrue();
    }

    @Test
    void anAddressBatonCannotDeliverToIsRefusedAtItsFieldWhenThePersonIsSaved() {
        ResponseEntity<Map> refused = admin().postForEntity(
                        "/api/people",
                        Map.of(
                                "username",
                                "joerg",
                                "fullName",
                                "Jörg Müller",
                                "email",
                                "jörg@müller-bau.example",
                                "password",
                                "secret-123",
                                "roles",
                                List.of("REP")),
                        Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) refused.getBody().get("errors"))
                .containsOnlyKeys("email")
                .hasEntrySatisfying("email", m -> assertThat(m).startsWith("must be plain ASCII"));
        assertThat(people.findByUsername("joerg")).isEmpty();
    }

    @Test
    void aNewPersonsPasswordFollowsTheOnePasswordRuleAtItsField() {
        long before = people.count();
        // 37 characters, 74 bytes: more than bcrypt reads (was a 500), then the user name itself
        for (String[] tried : new String[][] {{"long-lou", "é".repeat(37)}, {"same-sam1", "same-sam1"}}) {
            ResponseEntity<Map> refused = admin().postForEntity(
                            "/api/people",
                            Map.of(
                                    "username",
                                    tried[0],
                                    "fullName",
                                    "Tried " + tried[0],
                                    "email",
                                    tried[0] + "@example.com",
                                    "password",
                                    tried[1],
                                    "roles",
                                    List.of("REP")),
                            Map.class);
            assertThat(refused.getStatusCode()).as(tried[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((Map<String, Object>) refused.getBody().get("errors")).containsOnlyKeys("password");
        }
        assertThat(people.count()).isEqualTo(before);
    }

    @Test
    void aNullRoleIsRefusedAtItsIndexOnCreateAndChangeAndWritesNothing() {
        long before = people.count();
        Map<String, Object> created = new java.util.HashMap<>(Map.of(
                "username",
                "null-nell",
                "fullName",
                "Nell",
                "email",
                "null-nell@example.com",
                "password",
                "secret-123"));
        created.put("roles", java.util.Arrays.asList("REP", null));
        Person rob = people.findByUsername("rob").orElseThrow();
        Map<String, Object> changed = changes("Rob Renamed", rob.getEmail(), "REP", rob);
        changed.put("roles", java.util.Collections.singletonList(null));

        ResponseEntity<Map> create = admin().postForEntity("/api/people", created, Map.class);
        ResponseEntity<Map> change =
                admin().exchange("/api/people/" + rob.getId(), HttpMethod.PUT, new HttpEntity<>(changed), Map.class);

        // at the null's index, as a null in introOptOut or taskIds
        assertThat(create.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) create.getBody().get("errors"))
                .containsExactly(Map.entry("roles[1]", "must not be null"));
        assertThat(change.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) change.getBody().get("errors"))
                .containsExactly(Map.entry("roles[0]", "must not be null"));
        assertThat(people.count()).isEqualTo(before);
        Person robAfter = people.findByUsername("rob").orElseThrow();
        assertThat(robAfter.getFullName()).isEqualTo(rob.getFullName());
        assertThat(robAfter.getVersion()).isEqualTo(rob.getVersion());
    }

    /** A complete person PUT (every field present, as the API asks) at the person's current version. */
    /** ada renames the person "Boss" and leaves them only the REP role. */
    private ResponseEntity<Map> makeRep(Long id, String email) {
        return admin().exchange(
                        "/api/people/" + id,
                        HttpMethod.PUT,
                        new HttpEntity<>(changes(
                                "Boss", email, "REP", people.findById(id).orElseThrow())),
                        Map.class);
    }

    private static Map<String, Object> changes(String fullName, String email, String role, Person p) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("fullName", fullName);
        body.put("email", email);
        body.put("roles", List.of(role));
        body.put("teamId", p.getTeam() == null ? null : p.getTeam().getId());
        body.put("managerId", p.getManager() == null ? null : p.getManager().getId());
        body.put("timeZone", p.getTimeZone());
        body.put("version", p.getVersion());
        return body;
    }
}
