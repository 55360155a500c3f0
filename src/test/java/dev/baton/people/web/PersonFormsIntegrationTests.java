package dev.baton.people.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.baton.people.NewPerson;
import dev.baton.people.PeopleService;
import dev.baton.people.PersonView;
import dev.baton.people.Role;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

/**
 * Found by probe 40 (F7): an admin could neither add a person nor set anyone's team, manager or roles
 * in the UI, only through the API. The forms on {@code /people} and {@code /people/{id}} do what the
 * API does, with its rules, and say why at the field when they refuse.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonFormsIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    PeopleService people;

    @Autowired
    JdbcTemplate jdbc;

    MockMvc pages;
    long maria;
    long salesEmea;

    @BeforeEach
    void setUp() {
        pages = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        maria = jdbc.queryForObject("select id from person where username = 'maria'", Long.class);
        salesEmea = jdbc.queryForObject("select id from team where key = 'sales-emea'", Long.class);
    }

    @Test
    void anAdminAddsAPersonInATeamUnderAManagerAndARefusedFormSaysWhyAtEachField() throws Exception {
        String name = "nia-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(page("/people"))
                .contains("New person", "name=\"username\"", "Maria")
                .containsPattern("id=\"new-role-REP\"[^>]*checked") // a new person is a rep unless told otherwise
                .doesNotContainPattern("id=\"new-role-ADMIN\"[^>]*checked");

        MvcResult refused = pages.perform(asAda(post("/people"))
                        .param("username", "Nia Novak")
                        .param("fullName", "Nia Novak")
                        .param("email", "not-an-address")
                        .param("password", "short")
                        .param("passwordAgain", "other"))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        Map<String, String> errors = errors(refused);
        assertThat(errors)
                .containsEntry("username", "use lower-case letters, digits, '.', '_' or '-'")
                .containsEntry("roles", "tick at least one role")
                .containsEntry("passwordAgain", "does not match the password")
                .containsKeys("email", "password");
        String shown =
                HtmlUtils.htmlUnescape(pages.perform(asAda(get("/people")).flashAttrs(refused.getFlashMap()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(shown)
                .contains("Nobody added: please correct the marked fields.", "tick at least one role")
                .contains("value=\"Nia Novak\"")
                .doesNotContain("value=\"short\"");
        assertThat(count(name)).isZero();

        MvcResult added = pages.perform(asAda(post("/people"))
                        .param("username", name)
                        .param("fullName", "Nia Novak")
                        .param("email", name + "@baton.example")
                        .param("password", "a good long one")
                        .param("passwordAgain", "a good long one")
                        .param("roles", "REP")
                        .param("teamId", "" + salesEmea)
                        .param("managerId", "" + maria))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        PersonView nia = people.byUsername(name);
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/people/" + nia.id());
        assertThat(nia.teamKey()).isEqualTo("sales-emea");
        assertThat(nia.managerId()).isEqualTo(maria);
        assertThat(nia.roles()).containsExactly(Role.REP);
        assertThat(people.lineOf("maria")).contains(nia.id());

        MvcResult again = pages.perform(asAda(post("/people"))
                        .param("username", name)
                        .param("fullName", "Nia Again")
                        .param("email", name + "-2@baton.example")
                        .param("password", "a good long one")
                        .param("passwordAgain", "a good long one")
                        .param("roles", "REP"))
                .andReturn();
        assertThat(errors(again)).containsEntry("username", "'" + name + "' is already taken");
    }

    @Test
    void anAdminSetsTeamManagerAndRolesOnAPersonsPageWithTheApisRules() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        PersonView rep = create("rep-" + tag, Role.REP, null);
        PersonView boss = create("boss-" + tag, Role.MANAGER, null);
        PersonView under = create("under-" + tag, Role.MANAGER, boss.id());
        assertThat(page("/people/" + rep.id())).contains("Team, manager and roles", "name=\"managerId\"");

        MvcResult saved = pages.perform(asAda(post("/people/" + rep.id()))
                        .param("teamId", "" + salesEmea)
                        .param("managerId", "" + maria)
                        .param("roles", "REP", "CS")
                        .param("version", "" + rep.version()))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        assertThat(saved.getFlashMap().get("message"))
                .isEqualTo("New rep-" + tag + "'s team, manager and roles are saved.");
        PersonView now = people.get(rep.id());
        assertThat(now.managerId()).isEqualTo(maria);
        assertThat(now.teamKey()).isEqualTo("sales-emea");
        assertThat(now.roles()).containsExactlyInAnyOrder(Role.REP, Role.CS);
        // the page shows what the person has now: their team and manager chosen, their roles ticked
        assertThat(page("/people/" + rep.id()))
                .containsPattern("<option value=\"" + salesEmea + "\"[^>]*selected")
                .containsPattern("<option value=\"" + maria + "\"[^>]*selected")
                .containsPattern("id=\"role-REP\"[^>]*checked")
                .containsPattern("id=\"role-CS\"[^>]*checked")
                .doesNotContainPattern("id=\"role-ADMIN\"[^>]*checked")
                .contains("id=\"managerId-help\"");

        // a manager who is no manager, a reporting loop, no role, and a version read before a change
        assertThat(errors(change(boss, "" + now.id(), "MANAGER", boss.version())))
                .containsEntry("managerId", "New rep-" + tag + " is not a manager: give them the MANAGER role first");
        assertThat(errors(change(boss, "" + under.id(), "MANAGER", boss.version())))
                .containsEntry(
                        "managerId",
                        "New boss-" + tag + " cannot report to New under-" + tag
                                + ": that would make a reporting loop");
        assertThat(errors(change(boss, "", null, boss.version()))).containsEntry("roles", "tick at least one role");
        MvcResult stale = change(now, "" + maria, "REP", rep.version());
        assertThat((String) stale.getFlashMap().get("error")).startsWith("Not saved: ");
        assertThat(people.get(boss.id()).managerId()).isNull();
        assertThat(people.get(rep.id()).roles()).containsExactlyInAnyOrder(Role.REP, Role.CS);

        String shown = HtmlUtils.htmlUnescape(pages.perform(asAda(get("/people/" + boss.id()))
                        .flashAttrs(change(boss, "" + under.id(), "MANAGER", boss.version())
                                .getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(shown).contains("Not saved: please correct the marked fields.", "that would make a reporting loop");

        pages.perform(post("/people/" + rep.id())
                        .with(user("rob").roles("REP"))
                        .with(csrf())
                        .param("managerId", "")
                        .param("roles", "REP")
                        .param("version", "" + now.version()))
                .andExpect(status().isForbidden());
        pages.perform(post("/people")
                        .with(user("maria").roles("MANAGER"))
                        .with(csrf())
                        .param("username", "x"))
                .andExpect(status().isForbidden());
    }

    private MvcResult change(PersonView person, String managerId, String role, long version) throws Exception {
        MockHttpServletRequestBuilder post = asAda(post("/people/" + person.id()))
                .param("teamId", "")
                .param("managerId", managerId)
                .param("version", "" + version);
        if (role != null) {
            post.param("roles", role);
        }
        return pages.perform(post).andExpect(status().is3xxRedirection()).andReturn();
    }

    private PersonView create(String username, Role role, Long managerId) {
        return people.create(new NewPerson(
                username,
                "New " + username,
                username + "@baton.example",
                "secret-1234",
                Set.of(role),
                null,
                managerId));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(MvcResult result) {
        return (Map<String, String>) result.getFlashMap().getOrDefault("errors", Map.of());
    }

    private String page(String path) throws Exception {
        return HtmlUtils.htmlUnescape(pages.perform(asAda(get(path)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static MockHttpServletRequestBuilder asAda(MockHttpServletRequestBuilder request) {
        return request.with(user("ada").roles("ADMIN")).with(csrf());
    }

    private int count(String username) {
        return jdbc.queryForObject("select count(*) from person where username = ?", Integer.class, username);
    }
}
