package dev.baton.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.SignedIn;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The people directory: {@code GET /api/people} for everyone signed in, the {@code /people} page for
 * admins and managers, both by full name with the same filters. Each test lists the people it makes,
 * found by a word in their names that no one else has.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class PeopleDirectoryIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    PeopleService people;

    @Autowired
    People persons;

    @Autowired
    Teams teams;

    String word;
    long salesEmea;
    long maria;

    /** Three people whose user names run the other way from their names, and differ from their e-mail addresses. */
    @BeforeEach
    void threePeople() {
        word = "Dirtest" + ThreadLocalRandom.current().nextInt(1_000_000);
        salesEmea = teams.findByKey("sales-emea").orElseThrow().getId();
        maria = persons.findByUsername("maria").orElseThrow().getId();
        create("zz-" + word.toLowerCase() + "-a", "Anna " + word, Set.of(Role.REP), salesEmea, maria);
        create("yy-" + word.toLowerCase() + "-b", "Bert " + word, Set.of(Role.CS), null, null);
        long cleo = create("xx-" + word.toLowerCase() + "-c", "Cleo " + word, Set.of(Role.REP), salesEmea, null);
        people.deactivate(cleo);
    }

    @Test
    void listsPeopleByFullNameWithTheirTeamRolesManagerAndActiveFlag() {
        Map page = api("ada", "/api/people?q={q}", word).getBody();

        assertThat(names(page)).containsExactly("Anna " + word, "Bert " + word, "Cleo " + word);
        assertThat(page).containsEntry("totalElements", 3);
        assertThat(((List<Map>) page.get("content")).getFirst())
                .containsEntry("username", "zz-" + word.toLowerCase() + "-a")
                .containsEntry("email", email("Anna " + word))
                .containsEntry("roles", List.of("REP"))
                .containsEntry("teamKey", "sales-emea")
                .containsEntry("managerUsername", "maria")
                .containsEntry("active", true)
                .doesNotContainKey("passwordHash");
        assertThat(((List<Map>) page.get("content")).getLast()).containsEntry("active", false);
    }

    @Test
    void findsAPersonByAPartOfTheirUserNameInAnyCase() {
        Map page = api("maria", "/api/people?q={q}", "ZZ-" + word.toUpperCase()).getBody();

        assertThat(names(page)).containsExactly("Anna " + word);
    }

    @Test
    void filtersByTeamRoleAndActiveFlagTogether() {
        String url = "/api/people?q={q}&team={team}&role={role}&active={active}";

        assertThat(names(api("ada", url, word, salesEmea, "REP", true).getBody()))
                .containsExactly("Anna " + word);
        assertThat(names(api("ada", url, word, salesEmea, "REP", false).getBody()))
                .containsExactly("Cleo " + word);
        assertThat(names(api("ada", "/api/people?q={q}&role=CS", word).getBody()))
                .containsExactly("Bert " + word);
    }

    @Test
    void pagesThroughTheDirectoryWithTheTotal() {
        Map second = api("ada", "/api/people?q={q}&size=2&page=1", word).getBody();
        Map past = api("ada", "/api/people?q={q}&size=2&page=5", word).getBody();

        assertThat(names(second)).containsExactly("Cleo " + word);
        assertThat(second)
                .containsEntry("page", 1)
                .containsEntry("size", 2)
                .containsEntry("totalElements", 3)
                .containsEntry("totalPages", 2);
        assertThat(names(past)).isEmpty();
        assertThat(past).containsEntry("totalElements", 3);
    }

    @Test
    void aBadFilterPageOrSizeIsABadRequestNamingIt() {
        Map<String, String> bad = Map.of(
                "role", "/api/people?role=BOSS",
                "team", "/api/people?team=sales",
                "active", "/api/people?active=maybe",
                "size", "/api/people?size=5000",
                "page", "/api/people?page=-1");

        bad.forEach((field, url) -> {
            ResponseEntity<Map> answer = api("ada", url);
            assertThat(answer.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((Map<String, String>) answer.getBody().get("errors"))
                    .as(url)
                    .containsKey(field);
        });
    }

    @Test
    void thePageListsEveryoneWithTheSameFiltersAndLinksEachPersonForAdmins() {
        ResponseEntity<String> page = SignedIn.as(http, "ada").getForEntity("/people?q={q}", String.class, word);
        ResponseEntity<String> deactivated =
                SignedIn.as(http, "ada").getForEntity("/people?q={q}&active=false", String.class, word);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String html = page.getBody();
        assertThat(html)
                .contains("href=\"/people\"") // the navigation
                .contains("3 people")
                .contains("Sales EMEA", "Maria", "zz-" + word.toLowerCase() + "-a", "deactivated")
                .contains("href=\"/people/" + id("zz-" + word.toLowerCase() + "-a") + "\"");
        assertThat(html.indexOf("Anna " + word))
                .isLessThan(html.indexOf("Bert " + word))
                .isLessThan(html.indexOf("Cleo " + word));
        assertThat(deactivated.getBody()).contains("Cleo " + word, "1 person").doesNotContain("Anna " + word);
    }

    /**
     * Found by session 41's probe: the list and the person's page showed "REVOPS, CS" where the form says "Revenue
     * operations" and "Customer success". Pages show the roles' labels, in one order; the API keeps the names.
     */
    @Test
    void pagesNameRolesAsTheFormDoesAndTheApiByTheirNames() {
        String username = "ww-" + word.toLowerCase() + "-d";
        long dora = create(username, "Dora " + word, Set.of(Role.REVOPS, Role.CS), null, null);

        String list = SignedIn.as(http, "ada").getForObject("/people?q={q}", String.class, "Dora " + word);
        String person = SignedIn.as(http, "ada").getForObject("/people/" + dora, String.class);

        assertThat(list)
                .contains(">Customer success, Revenue operations<")
                .contains(">Revenue operations</option>") // the role filter
                .doesNotContain(">REVOPS", "REVOPS<", "REVOPS,", ", REVOPS");
        assertThat(person)
                .contains(">Customer success, Revenue operations<")
                .doesNotContain(">REVOPS", "REVOPS<", "REVOPS,", ", REVOPS");
        Map json = api("ada", "/api/people/" + dora).getBody();
        assertThat((List<String>) json.get("roles")).containsExactlyInAnyOrder("CS", "REVOPS");
        assertThat(json).doesNotContainKey("roleLabels");
    }

    @Test
    void managersSeeThePageWithoutLinksToTheAdminsPersonPage() {
        ResponseEntity<String> page = SignedIn.as(http, "maria").getForEntity("/people?q={q}", String.class, word);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains("href=\"/people\"", "Anna " + word, "Cleo " + word)
                .doesNotContain("href=\"/people/" + id("zz-" + word.toLowerCase() + "-a") + "\"");
    }

    @Test
    void repsAndCustomerSuccessAreRefusedThePageAndDoNotSeeItInTheNavigation() {
        for (String who : List.of("rob", "colin")) {
            assertThat(SignedIn.as(http, who)
                            .getForEntity("/people", String.class)
                            .getStatusCode())
                    .as(who)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(SignedIn.as(http, who).getForObject("/tasks", String.class))
                    .as(who)
                    .doesNotContain("href=\"/people\"");
        }
    }

    /**
     * Found by a probe: the page printed the parameter's values as "[Ljava.lang.String;@661adee5". Since
     * session 21 a single-value filter given twice is refused on the pages as on the API, naming it.
     */
    @Test
    void aFilterGivenTwiceOnThePageIsABadRequestNamingIt() {
        org.springframework.http.HttpHeaders browser = new org.springframework.http.HttpHeaders();
        browser.setAccept(List.of(org.springframework.http.MediaType.TEXT_HTML));
        ResponseEntity<String> page = SignedIn.as(http, "ada")
                .exchange(
                        "/people?active=true&active=maybe",
                        org.springframework.http.HttpMethod.GET,
                        new org.springframework.http.HttpEntity<>(browser),
                        String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody())
                .contains("active", "is given more than once: give it once")
                .doesNotContain("[L");
    }

    @Test
    void aBadFilterOnThePageIsABadRequestSayingWhich() {
        ResponseEntity<String> page = SignedIn.as(http, "ada").getForEntity("/people?role=BOSS", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains("role", "must be one of ADMIN, MANAGER, REP, CS, REVOPS");
    }

    @Test
    void anUnknownTeamOrAnActiveFlagOtherThanTrueOrFalseIsABadRequestNamingIt() {
        Map<String, String> bad = Map.of(
                "/api/people?team=999999999", "no team 999999999",
                "/api/people?active=yes", "must be true or false",
                "/api/people?active=1", "must be true or false",
                "/api/people?active=off", "must be true or false");

        bad.forEach((url, message) -> {
            ResponseEntity<Map> answer = api("ada", url);
            assertThat(answer.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((Map<String, String>) answer.getBody().get("errors"))
                    .as(url)
                    .containsOnlyKeys(url.contains("team") ? "team" : "active")
                    .containsValue(message);
        });
        assertThat(names(api("ada", "/api/people?q={q}&active=TRUE&team={team}", word, salesEmea)
                        .getBody()))
                .containsExactly("Anna " + word);
    }

    @Test
    void thePageSaysWhenATeamDoesNotExistOrActiveIsNotTrueOrFalse() {
        ResponseEntity<String> team = SignedIn.as(http, "ada").getForEntity("/people?team=999999999", String.class);
        ResponseEntity<String> active = SignedIn.as(http, "maria").getForEntity("/people?active=yes", String.class);

        assertThat(team.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(team.getBody()).contains("no team 999999999");
        assertThat(active.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(active.getBody()).contains("active");
    }

    @Test
    void sortsNamesInALanguagesOrderNotByCodePointInTheDirectoryItsPageAndThePicker() {
        // in code point order (PostgreSQL's C collation, String.compareTo) É comes after z
        people.create(new NewPerson(
                "ee-" + word.toLowerCase(),
                "Élodie " + word,
                "ee-" + word.toLowerCase() + "@example.com",
                "secret-123",
                Set.of(Role.REP),
                null,
                null));
        people.create(new NewPerson(
                "zo-" + word.toLowerCase(),
                "Zoe " + word,
                "zo-" + word.toLowerCase() + "@example.com",
                "secret-123",
                Set.of(Role.REP),
                null,
                null));

        assertThat(names(api("ada", "/api/people?q={q}", word).getBody()))
                .containsExactly("Anna " + word, "Bert " + word, "Cleo " + word, "Élodie " + word, "Zoe " + word);
        assertThat(names(
                        api("ada", "/api/people?q={q}&sort=fullName,desc", word).getBody()))
                .containsExactly("Zoe " + word, "Élodie " + word, "Cleo " + word, "Bert " + word, "Anna " + word);
        String page = SignedIn.as(http, "ada").getForObject("/people?q={q}", String.class, word);
        assertThat(page.indexOf("Cleo " + word))
                .isLessThan(page.indexOf("Élodie " + word))
                .isLessThan(page.indexOf("Zoe " + word));
        List<Map> picked = http.withBasicAuth("ada", "demo")
                .getForObject("/api/people/suggestions?q={q}&purpose=FROM", List.class, word);
        assertThat(picked.stream().map(p -> p.get("fullName")).toList())
                .containsExactly("Anna " + word, "Bert " + word, "Élodie " + word, "Zoe " + word);
        // the register's owner filter, from PeopleService.find sorted by fullName
        String register = SignedIn.as(http, "ada").getForObject("/commitments", String.class);
        assertThat(register.indexOf(">Cleo " + word + "<"))
                .isPositive()
                .isLessThan(register.indexOf(">Élodie " + word + "<"))
                .isLessThan(register.indexOf(">Zoe " + word + "<"));
    }

    private long create(String username, String fullName, Set<Role> roles, Long teamId, Long managerId) {
        return people.create(new NewPerson(username, fullName, email(fullName), "secret-123", roles, teamId, managerId))
                .id();
    }

    /** Not the user name: a search by user name must not find the person by their e-mail address. */
    private static String email(String fullName) {
        return fullName.toLowerCase().replace(' ', '.') + "@example.com";
    }

    private long id(String username) {
        return persons.findByUsername(username).orElseThrow().getId();
    }

    private ResponseEntity<Map> api(String who, String url, Object... vars) {
        return http.withBasicAuth(who, "demo").getForEntity(url, Map.class, vars);
    }

    private static List<String> names(Map page) {
        return ((List<Map>) page.get("content"))
                .stream().map(p -> (String) p.get("fullName")).toList();
    }
}
