package dev.baton.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.baton.account.InteractionService;
import dev.baton.account.InteractionView;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.CommitmentView;
import dev.baton.commitment.NewCommitment;
import dev.baton.engine.WorkerRecords;
import dev.baton.support.Multipart;
import dev.baton.task.Task;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The README's sample playbook, built only from building blocks, uploaded through the API as an
 * admin, launched on an account by the owner's manager and run end to end with the real workers,
 * the in-memory engine, PostgreSQL and GreenMail (the mails read back).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class AccountRescueIntegrationTests extends BlockProcessTest {

    static final String BPMN = read("playbooks/blocks/account-rescue.bpmn");
    static final String FORM = read("playbooks/blocks/account-rescue-owner.form");

    @Autowired
    CommitmentService commitments;

    @Autowired
    InteractionService interactions;

    @BeforeEach
    void upload() {
        ResponseEntity<List> uploaded = as("ada")
                .postForEntity(
                        "/api/playbooks",
                        Multipart.texts(
                                "files", Map.of("account-rescue.bpmn", BPMN, "account-rescue-owner.form", FORM)),
                        List.class);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anAccountWithABrokenPromiseGetsANewOwnerWhoPromisesAndMakesACall() throws Exception {
        long accountId = account("rob");
        String customer = "ops" + ThreadLocalRandom.current().nextInt(1_000_000) + "@customer.example";
        primaryContact(accountId, "Ana Customer", customer);
        CommitmentView broken = commitments.create(
                new NewCommitment(
                        accountId,
                        null,
                        "Pilot by Friday",
                        null,
                        null,
                        LocalDate.now().plusDays(2)),
                "rob");
        commitments.breach(broken.id(), "the pilot slipped", broken.version());

        long instance = launch(accountId);

        Task choose = awaitTask(instance, "task_choose_new_owner");
        assertThat(choose.getName()).isEqualTo("Choose a new owner");
        assertThat(choose.getAssignee()).isEqualTo("maria"); // =ownerManager
        assertThat(complete("maria", choose, Map.of("newOwner", "rita")).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        Task call = awaitTask(instance, "task_call_customer");
        assertThat(call.getAssignee()).isEqualTo("rita"); // =accountOwner, after the reassignment
        assertThat(accounts.get(accountId))
                .satisfies(a -> assertThat(a.ownerUsername()).isEqualTo("rita"))
                .satisfies(a -> assertThat(a.segment()).isEqualTo("At risk"));
        assertThat(interactions.forAccount(accountId, Pageable.ofSize(10)).getContent())
                .extracting(InteractionView::summary, InteractionView::byUsername)
                .containsExactly(tuple("Account given to rita after broken promises", "rita"));
        assertThat(commitments.openOf(accountId).stream().map(c -> commitments.get(c.getId())))
                .singleElement()
                .returns("Call the customer about the broken promises", CommitmentView::description)
                .returns("rita", CommitmentView::ownerUsername)
                .returns(LocalDate.now().plusDays(7), CommitmentView::dueDate);
        String account = accounts.get(accountId).name();
        assertThat(mailsTo("cora@baton.example", account))
                .singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("Overdue promises: 0, breached: 1"));
        assertThat(mailsTo("colin@baton.example", account)).hasSize(1);
        MimeMessage toCustomer = mailsTo(customer, account).getFirst();
        assertThat(GreenMailUtil.getBody(toCustomer)).contains("Hello Ana Customer", "Rita Okafor");
        assertThat(Arrays.stream(toCustomer.getReplyTo()).map(Address::toString))
                .anyMatch(a -> a.contains("rita@baton.example"));

        assertThat(complete("rita", call, Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        WorkerRecords sent = new WorkerRecords(engine, WAIT);
        sent.awaitEnded(instance);
        assertThat(sent.passed(instance))
                .containsSubsequence(
                        "task_check_commitments",
                        "task_tell_customer_success",
                        "task_choose_new_owner",
                        "task_reassign_owner",
                        "task_mark_at_risk",
                        "task_log_decision",
                        "task_promise_call",
                        "task_mail_customer",
                        "task_call_customer",
                        "end_account_rescued");
    }

    @Test
    void anAccountWithNoBrokenPromiseOnlyRemindsItsOwnerToCheckIn() throws Exception {
        long accountId = account("rob");

        long instance = launch(accountId);

        WorkerRecords sent = new WorkerRecords(engine, WAIT);
        sent.awaitEnded(instance);
        assertThat(sent.passed(instance)).contains("task_remind_owner", "end_account_healthy");
        assertThat(mailsTo("rob@baton.example", accounts.get(accountId).name()))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).startsWith("Time to check in with"));
    }

    @Test
    void anUploadWithABlockMissingAnInputOrWithAWrongChoiceIsRefusedNamingTheStep() {
        String bad = BPMN.replace("account-rescue", "account-rescue-bad")
                .replace("<zeebe:input source=\"customer-check-in\" target=\"template\" />", "")
                .replace("source=\"primary-contact\" target=\"to\"", "source=\"the customer\" target=\"to\"")
                .replace("<zeebe:input source=\"At risk\" target=\"segment\" />", "");

        ResponseEntity<Map> refused = as("ada")
                .postForEntity(
                        "/api/playbooks",
                        Multipart.texts("files", Map.of("bad.bpmn", bad, "account-rescue-owner.form", FORM)),
                        Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<Map<String, Object>> problems =
                (List<Map<String, Object>>) refused.getBody().get("problems");
        assertThat(problems)
                .filteredOn(p -> "task_mail_customer".equals(p.get("elementId")))
                .extracting(p -> (String) p.get("message"))
                .anySatisfy(m -> assertThat(m).contains("baton.send-email needs the input 'template'"))
                .anySatisfy(m -> assertThat(m).contains("'the customer'", "none of", "primary-contact"))
                .allSatisfy(m -> assertThat(m).doesNotContain("accountId"));
        assertThat(problems)
                .filteredOn(p -> "task_mark_at_risk".equals(p.get("elementId")))
                .singleElement()
                .satisfies(p -> assertThat(p).containsEntry("elementName", "Mark the account at risk"))
                .satisfies(p -> assertThat((String) p.get("message")).contains("at least one of"));
    }

    private long launch(long accountId) {
        ResponseEntity<Map> started = as("maria")
                .postForEntity("/api/playbooks/account-rescue/instances", Map.of("accountId", accountId), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) started.getBody().get("processInstanceKey")).longValue();
    }

    private ResponseEntity<Map> complete(String user, Task task, Map<String, Object> answer) {
        return as(user).postForEntity("/api/tasks/" + task.getId() + "/complete", answer, Map.class);
    }

    static String read(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
