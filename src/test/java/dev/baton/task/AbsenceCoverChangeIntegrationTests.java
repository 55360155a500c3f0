package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.audit.AuditEvent;
import dev.baton.people.AbsenceService;
import dev.baton.people.NewAbsence;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.support.SignedIn;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Changing an absence's cover in place (session 46: the only way was to withdraw the absence and record it
 * again, and deactivating a cover sent the admin there). Everyone here is a fresh person, so no other test sees
 * them away.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class AbsenceCoverChangeIntegrationTests extends InboxTest {

    @Autowired
    AbsenceService absences;

    @Autowired
    People people;

    @Autowired
    PasswordEncoder passwords;

    final LocalDate today = LocalDate.now(ZoneId.of("UTC"));

    @Test
    void newTasksGoToTheNewCoverWhileTasksMovedToTheOldOneStayAndTheChangeIsAudited() {
        Person absent = person(Role.REP, null);
        Person oldCover = person(Role.REP, null);
        Person newCover = person(Role.REP, null);
        long id = away(absent, today.minusDays(1), today.plusDays(2), oldCover);
        Task before = arrivingTask(absent.getUsername(), null, false);
        assertThat(before.getAssignee()).isEqualTo(oldCover.getUsername());

        ResponseEntity<Map> changed = changeCover(absent, id, newCover.getUsername());

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody())
                .containsEntry("delegate", newCover.getUsername())
                .containsEntry("delegateName", newCover.getFullName());
        Task after = arrivingTask(absent.getUsername(), null, false);
        assertThat(after.getAssignee()).isEqualTo(newCover.getUsername());
        assertThat(tasks.findById(before.getId()).orElseThrow().getAssignee())
                .as("a task already moved stays with the old cover")
                .isEqualTo(oldCover.getUsername());
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByAt("absence", id))
                .filteredOn(e -> e.getAction().equals("absence.cover-changed"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo(absent.getUsername());
                    assertThat(e.getBeforeState()).containsEntry("delegate", oldCover.getUsername());
                    assertThat(e.getAfterState()).containsEntry("delegate", newCover.getUsername());
                });
    }

    @Test
    void theirManagerAndAnAdminMayChangeItSomeoneElseMayNot() {
        Person manager = person(Role.MANAGER, null);
        Person absent = person(Role.REP, manager);
        Person stranger = person(Role.MANAGER, null);
        Person first = person(Role.REP, null);
        Person second = person(Role.REP, null);
        long id = away(absent, today.plusDays(10), today.plusDays(12), first);

        assertThat(changeCover(stranger, id, second.getUsername()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(coverOf(absent)).isEqualTo(first.getUsername());

        assertThat(changeCover(manager, id, second.getUsername()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(coverOf(absent)).isEqualTo(second.getUsername());

        assertThat(as("ada")
                        .exchange(
                                "/api/absences/" + id + "/delegate",
                                HttpMethod.PUT,
                                new HttpEntity<>(Map.of("delegate", first.getUsername())),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(coverOf(absent)).isEqualTo(first.getUsername());
    }

    @Test
    void refusesACoverRecordingWouldRefuseAtDelegateAndChangesNothing() {
        Person absent = person(Role.REP, null);
        Person cover = person(Role.REP, null);
        Person inactive = person(Role.REP, null);
        inactive.deactivate();
        people.save(inactive);
        Person awayToo = person(Role.REP, null);
        // awayToo is covered by absent on the 12th: absent covered by awayToo would be a cycle of covers
        away(awayToo, today.plusDays(12), today.plusDays(14), absent);
        long id = away(absent, today.plusDays(10), today.plusDays(12), cover);

        assertThat(refusal(absent, id, absent.getUsername())).isEqualTo("cannot be yourself");
        assertThat(refusal(absent, id, inactive.getUsername()))
                .isEqualTo(inactive.getFullName() + " is inactive: choose someone else to cover");
        assertThat(refusal(absent, id, awayToo.getUsername()))
                .startsWith(awayToo.getFullName() + " is away from ")
                .endsWith(": choose someone else to cover");
        assertThat(refusal(absent, id, "nobody-" + UUID.randomUUID())).startsWith("no person");
        assertThat(refusal(absent, id, " ")).isNotBlank();
        assertThat(coverOf(absent)).isEqualTo(cover.getUsername());
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByAt("absence", id))
                .extracting(AuditEvent::getAction)
                .containsExactly("absence.recorded");
    }

    @Test
    void theAbsencePageChangesTheCoverAndMarksARefusalAtThatAbsence() {
        Person manager = person(Role.MANAGER, null);
        Person absent = person(Role.REP, manager);
        Person cover = person(Role.REP, null);
        Person newCover = person(Role.REP, null);
        Person inactive = person(Role.REP, null);
        inactive.deactivate();
        people.save(inactive);
        long id = away(absent, today.plusDays(10), today.plusDays(12), cover);

        assertThat(postCover(absent, id, inactive.getUsername()))
                .contains("Cover not changed: please correct the marked field.")
                .contains("id=\"cover-" + id + "-error\">" + inactive.getFullName()
                        + " is inactive: choose someone else to cover</div>");
        assertThat(coverOf(absent)).isEqualTo(cover.getUsername());

        assertThat(postCover(absent, id, newCover.getUsername()))
                .contains("Cover changed: " + newCover.getFullName() + " covers your absence from ");
        assertThat(coverOf(absent)).isEqualTo(newCover.getUsername());

        assertThat(SignedIn.as(http, manager.getUsername()).getForObject("/absences", String.class))
                .as("the manager sees his line's absence with its form")
                .contains(
                        "Absences you may change the cover of", absent.getFullName(), "/absences/" + id + "/delegate");
        assertThat(postCover(manager, id, cover.getUsername()))
                .contains(
                        "Cover changed: " + cover.getFullName() + " covers " + absent.getFullName() + "&#39;s absence");
        assertThat(coverOf(absent)).isEqualTo(cover.getUsername());
    }

    @Test
    void aCoverMarkedInactiveIsChangedOnThePageTheMarkPointsTo() {
        Person absent = person(Role.REP, null);
        Person cover = person(Role.REP, null);
        long id = away(absent, today.minusDays(1), today.plusDays(2), cover);
        cover.deactivate(); // as an import of long ago would have: the deactivation itself now refuses
        people.save(cover);

        assertThat(SignedIn.as(http, absent.getUsername()).getForObject("/absences", String.class))
                .contains(cover.getFullName() + " (inactive)", "Change its cover below.")
                .doesNotContain("record it again");
    }

    private String refusal(Person actor, long id, String delegate) {
        ResponseEntity<Map> refused = changeCover(actor, id, delegate);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> errors = (Map<String, Object>) refused.getBody().get("errors");
        assertThat(errors).containsOnlyKeys("delegate");
        return (String) errors.get("delegate");
    }

    private ResponseEntity<Map> changeCover(Person actor, long id, String delegate) {
        return as(actor.getUsername())
                .exchange(
                        "/api/absences/" + id + "/delegate",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("delegate", delegate)),
                        Map.class);
    }

    /** Posts the page's form for absence {@code id} and answers the page that follows, its flash shown. */
    private String postCover(Person actor, long id, String delegate) {
        // redirects not followed: the followed GET would go without the session, and so without the flash
        TestRestTemplate user = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(http.getRootUri())
                .redirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .defaultHeader(HttpHeaders.COOKIE, SignedIn.signIn(http.getRootUri(), actor.getUsername(), "demo")));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("delegate", delegate);
        ResponseEntity<String> posted = user.postForEntity(
                "/absences/" + id + "/delegate",
                new HttpEntity<>(form, SignedIn.formOf(user.getForObject("/absences", String.class))),
                String.class);
        return posted.getStatusCode().is3xxRedirection()
                ? user.getForObject("/absences", String.class)
                : posted.getBody();
    }

    private String coverOf(Person absent) {
        return absences.upcoming(absent.getUsername()).getFirst().delegate();
    }

    private long away(Person who, LocalDate from, LocalDate to, Person cover) {
        return absences.record(who.getUsername(), new NewAbsence(from, to, cover.getUsername(), null))
                .id();
    }

    private Person person(Role role, Person manager) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person p = new Person(
                "cc-" + tag, "Cover " + tag, "cc-" + tag + "@baton.example", passwords.encode("demo"), Set.of(role));
        if (manager != null) {
            p.reportTo(manager);
        }
        return people.save(p);
    }
}
