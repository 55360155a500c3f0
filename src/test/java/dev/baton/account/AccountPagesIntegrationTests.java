package dev.baton.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.baton.commitment.Commitment;
import dev.baton.commitment.CommitmentAccess;
import dev.baton.commitment.Commitments;
import dev.baton.commitment.NewCommitment;
import dev.baton.people.People;
import dev.baton.people.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The accounts pages, through the real security filters (MockMvc built on the shared app context). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountPagesIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Accounts accounts;

    @Autowired
    Contacts contacts;

    @Autowired
    Interactions interactions;

    @Autowired
    Commitments commitments;

    @Autowired
    People people;

    @Autowired
    CommitmentAccess commitmentAccess;

    MockMvc mvc;
    Account account;

    @BeforeEach
    void anAccountWithAnOverdueCommitmentAndAStaleContact() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        Person rob = people.findByUsername("rob").orElseThrow();
        account = accounts.save(new Account("Quokka <script>alert(1)</script> BV", rob, "SMB", "Benelux", null));
        Contact anna = new Contact(account, "Anna de Vries", "CTO", "anna@example.com", null, null);
        anna.markPrimary(true);
        contacts.save(anna);
        commitments.save(new Commitment(
                account,
                null,
                "Send the <b>SSO</b> guide",
                rob,
                rob,
                null,
                LocalDate.now().minusDays(3)));
    }

    /** Found by a hostile probe: the first page's disabled "Previous" was a link to page=-1, reachable by Tab. */
    @Test
    void theListsFirstAndLastPageHaveNoLinkBeyondThem() throws Exception {
        Person rob = people.findByUsername("rob").orElseThrow();
        String prefix = "Pagewise " + System.nanoTime();
        for (int i = 0; i < 21; i++) {
            accounts.save(new Account(prefix + " " + i, rob, "SMB", "Benelux", null));
        }

        String first = mvc.perform(
                        get("/accounts").param("q", prefix).with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String last = mvc.perform(get("/accounts")
                        .param("q", prefix)
                        .param("page", "1")
                        .with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(first)
                .doesNotContain("page=-1")
                .contains("<span class=\"page-link\" aria-disabled=\"true\">Previous</span>")
                .contains("page=1\">Next</a>");
        assertThat(last)
                .doesNotContain("page=2")
                .contains("<span class=\"page-link\" aria-disabled=\"true\">Next</span>")
                .contains("page=0\">Previous</a>");
    }

    @Test
    void listFindsAccountsByNameWithTheirOverdueCount() throws Exception {
        mvc.perform(get("/accounts").param("q", "quokka").with(user("rita")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Quokka &lt;script&gt;alert(1)&lt;/script&gt; BV")))
                .andExpect(content().string(containsString("<span class=\"badge text-bg-danger\">1</span>")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void detailShowsContactsCommitmentsAndTimelineEscaped() throws Exception {
        mvc.perform(get("/accounts/" + account.getId()).with(user("rita")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Anna de Vries")))
                .andExpect(content().string(containsString("never verified")))
                .andExpect(content().string(containsString(">primary<")))
                .andExpect(content().string(containsString("table-danger")))
                .andExpect(content().string(containsString("Send the &lt;b&gt;SSO&lt;/b&gt; guide")));
    }

    @Test
    void loggingAnInteractionAddsItToTheTimeline() throws Exception {
        logInteraction("MEETING", "Quarterly review").andExpect(redirectedUrl("/accounts/" + account.getId()));

        mvc.perform(get("/accounts/" + account.getId()).with(user("rita")))
                .andExpect(content().string(containsString("Meeting: Quarterly review")));
    }

    @Test
    void aBlankInteractionIsShownBackWithTheReasonAndNothingSaved() throws Exception {
        long before = interactions.count();

        logInteraction("CALL", "  ")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The interaction was not saved: say what was discussed")));

        assertThat(interactions.count()).isEqualTo(before);
    }

    /** Found by a probe: an unknown kind was told "is not one of CALL, MEETING, EMAIL, NOTE", the codes. */
    @Test
    void anUnknownKindIsToldTheChoicesAsTheFormNamesThemAndNothingSaved() throws Exception {
        long before = interactions.count();

        logInteraction("CHAT", "Over coffee")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not one of Call, Meeting, Email or Note")))
                .andExpect(content().string(not(containsString("MEETING, EMAIL"))));

        assertThat(interactions.count()).isEqualTo(before);
    }

    /** Rita posts the account page's interaction form. */
    private ResultActions logInteraction(String kind, String summary) throws Exception {
        return mvc.perform(post("/accounts/" + account.getId() + "/interactions")
                .with(user("rita"))
                .with(csrf())
                .param("kind", kind)
                .param("summary", summary));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        long before = interactions.count();

        mvc.perform(post("/accounts/" + account.getId() + "/interactions")
                        .with(user("rita"))
                        .param("kind", "CALL")
                        .param("summary", "sneaky"))
                .andExpect(status().isForbidden());

        assertThat(interactions.count()).isEqualTo(before);
    }

    /** Verifying is a write on the account: rita is rob's teammate, not his manager (ADR 014). */
    @Test
    void onlyThoseWhoMayActOnTheAccountMarkItsContactVerifiedAndOthersAreToldWhy() throws Exception {
        Contact anna = contacts.findByAccountIdOrderByFullName(account.getId()).getFirst();
        String verify = "/accounts/" + account.getId() + "/contacts/" + anna.getId() + "/verify";

        mvc.perform(post(verify).with(user("rita")).with(csrf()))
                .andExpect(redirectedUrl("/accounts/" + account.getId()))
                .andExpect(flash().attribute(
                                "error",
                                "The contact was not marked as verified: " + account.getName()
                                        + " is owned by Rob Jansen, who is not in Rita Okafor's line: only its owner, its account"
                                        + " team, their managers and admins may act on it"));
        assertThat(contacts.findById(anna.getId()).orElseThrow().getLastVerifiedAt())
                .isNull();

        mvc.perform(post(verify).with(user("maria")).with(csrf()))
                .andExpect(redirectedUrl("/accounts/" + account.getId()))
                .andExpect(flash().attribute("message", "Anna de Vries's details are marked as verified today."));
        assertThat(contacts.findById(anna.getId()).orElseThrow().getLastVerifiedAt())
                .isNotNull();
    }

    /**
     * Found by a hostile probe: ravi (not in rob's line) was offered the promise form on rob's account,
     * and submitting it marked the Owner field with "account ... is owned by rob, who is not in ravi's
     * line" under "see the marked fields", where the API answers 403. The page now offers the form only
     * to those the API lets record, and a refused submission is a plain 403 message.
     */
    @Test
    void onlyThoseWhoMayRecordOnTheAccountAreOfferedThePromiseFormAndOthersAreToldPlainly() throws Exception {
        String page = "/accounts/" + account.getId();
        String form = "action=\"" + page + "/commitments\"";
        long before = commitments.count();

        mvc.perform(get(page).with(user("rob")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(form)));
        mvc.perform(get(page).with(user("ravi")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(form))))
                .andExpect(content().string(containsString("Promises on this account are recorded by its")));
        mvc.perform(post(page + "/commitments")
                        .with(user("ravi"))
                        .with(csrf())
                        .param("description", "A free workshop")
                        .param("dueDate", LocalDate.now().plusDays(10).toString())
                        .param("ownerId", String.valueOf(account.getOwner().getId())))
                .andExpect(status().isForbidden())
                .andExpect(content()
                        .string(containsString("The promise was not recorded: "
                                + org.springframework.web.util.HtmlUtils.htmlEscape(account.getName())
                                + " is owned by Rob Jansen, who is not in Ravi Shankar&#39;s line")))
                .andExpect(content().string(not(containsString("see the marked fields"))))
                .andExpect(content().string(not(containsString("is-invalid"))));

        assertThat(commitments.count()).isEqualTo(before);
    }

    /**
     * Found by a probe: a typed date or a tampered team id was marked "Failed to convert property value
     * of type java.lang.String to required type java.time.LocalDate ...". The form comes back with each
     * field marked in the API's words, and nothing is recorded.
     */
    @Test
    void aPromiseWithATypedDateOrAWordForAnIdIsMarkedInWordsAndNotRecorded() throws Exception {
        long before = commitments.count();

        mvc.perform(post("/accounts/" + account.getId() + "/commitments")
                        .with(user("rob"))
                        .with(csrf())
                        .param("description", "A free workshop")
                        .param("dueDate", "18.12.2026")
                        .param("deliveringTeamId", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The promise was not recorded: see the marked fields.")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "id=\"promise-dueDate-error\">&#39;18.12.2026&#39; is not a date like 2026-01-31</div>")))
                .andExpect(content().string(containsString("&#39;abc&#39; is not a whole number</div>")))
                .andExpect(content().string(not(containsString("Failed to convert"))))
                .andExpect(content().string(not(containsString("java."))));

        assertThat(commitments.count()).isEqualTo(before);
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        mvc.perform(get("/accounts/999999").with(user("rita"))).andExpect(status().isNotFound());
    }

    /**
     * Found by session 41's probe (F4): "Who delivers it" offered everyone taking on new work, and recording the
     * promise then refused whoever was outside the recorder's team and line ("only their manager may give them a
     * commitment"). Per role, each person offered with no delivering team chosen is accepted, each one offered
     * only with their team as the delivering team is accepted with it, and everyone else is refused.
     */
    @Test
    void whoDeliversItOffersExactlyThoseRecordingThePromiseAccepts() throws Exception {
        Person cora = people.findByUsername("cora").orElseThrow();
        Account coras = accounts.save(new Account("Cora's own " + System.nanoTime(), cora, "SMB", "Benelux", null));
        Map<String, Account> actingOn = Map.of("rob", account, "maria", account, "ada", account, "cora", coras);
        for (Map.Entry<String, Account> who : actingOn.entrySet()) {
            String page = mvc.perform(get("/accounts/" + who.getValue().getId()).with(user(who.getKey())))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String select = page.substring(page.indexOf("id=\"promise-ownerId\""));
            select = select.substring(0, select.indexOf("</select>"));
            List<Long> offered = new ArrayList<>();
            Map<Long, Long> offeredWithTeam = new HashMap<>();
            Matcher option = Pattern.compile("<option([^>]*)>").matcher(select);
            while (option.find()) {
                Matcher value = Pattern.compile("value=\"(\\d+)\"").matcher(option.group(1));
                if (!value.find()) {
                    continue; // "Nobody yet"
                }
                long id = Long.parseLong(value.group(1));
                Matcher team = Pattern.compile("data-team=\"(\\d+)\"").matcher(option.group(1));
                if (team.find()) {
                    assertThat(option.group(1)).as("waits for its team").contains("disabled");
                    offeredWithTeam.put(id, Long.parseLong(team.group(1)));
                } else {
                    assertThat(option.group(1)).doesNotContain("disabled");
                    offered.add(id);
                }
            }
            assertThat(offered)
                    .as(who.getKey() + " may give it to themselves")
                    .contains(people.findByUsername(who.getKey()).orElseThrow().getId());
            for (Person p : people.findAll()) {
                if (!p.isActive() || offered.contains(p.getId()) || offeredWithTeam.containsKey(p.getId())) {
                    continue;
                }
                assertThat(refused(who.getValue(), p.getId(), null, who.getKey()))
                        .as(who.getKey() + " was not offered " + p.getUsername())
                        .isTrue();
            }
            for (Long id : offered) {
                assertThat(refused(who.getValue(), id, null, who.getKey()))
                        .as(who.getKey() + " was offered " + id)
                        .isFalse();
            }
            offeredWithTeam.forEach((id, team) -> {
                assertThat(refused(who.getValue(), id, team, who.getKey()))
                        .as(who.getKey() + " was offered " + id + " with team " + team)
                        .isFalse();
            });
        }
    }

    /** Whether recording a promise on {@code on} owned by {@code ownerId} (delivered by {@code teamId}) is refused. */
    private boolean refused(Account on, Long ownerId, Long teamId, String by) {
        try {
            commitmentAccess.requireMayRecord(
                    new NewCommitment(
                            on.getId(),
                            null,
                            "A promise",
                            ownerId,
                            teamId,
                            LocalDate.now().plusDays(5)),
                    by);
            return false;
        } catch (AccessDeniedException | dev.baton.shared.BadRequestException e) {
            return true;
        }
    }
}
