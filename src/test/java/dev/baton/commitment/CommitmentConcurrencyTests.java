package dev.baton.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.baton.people.People;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/** Two transactions really overlapping on one commitment: the second to write loses (409 through the API). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommitmentConcurrencyTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    CommitmentService service;

    @Autowired
    Commitments commitments;

    @Autowired
    People people;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void concurrentAcceptAndReassignOneWinsTheOtherIsRefusedAsStale() throws Exception {
        long rob = people.findByUsername("rob").orElseThrow().getId();
        long rita = people.findByUsername("rita").orElseThrow().getId();
        Map account = http.withBasicAuth("maria", "demo")
                .postForObject("/api/accounts", Map.of("name", "Race Co", "ownerId", rob), Map.class);
        Map created = http.withBasicAuth("rob", "demo")
                .postForObject(
                        "/api/commitments",
                        Map.of(
                                "accountId",
                                account.get("id"),
                                "description",
                                "Race",
                                "ownerId",
                                rob,
                                "dueDate",
                                LocalDate.now().plusDays(30).toString()),
                        Map.class);
        long id = ((Number) created.get("id")).longValue();
        long version = commitments.findById(id).orElseThrow().getVersion();
        CountDownLatch acceptedNotCommitted = new CountDownLatch(1);
        CountDownLatch reassignHasRead = new CountDownLatch(1);

        // the reassignment reads the commitment while the accept is written but not committed, then writes after it
        CompletableFuture<Void> accept = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            service.accept(id, version);
            acceptedNotCommitted.countDown();
            await(reassignHasRead);
        }));
        Throwable reassignFailure = catchThrowable(() -> transactions.executeWithoutResult(tx -> {
            await(acceptedNotCommitted);
            commitments.findById(id).orElseThrow(); // reads the committed row, version unchanged
            reassignHasRead.countDown();
            service.reassign(id, rita, version); // blocks on the accept's row lock, then finds the row changed
        }));
        accept.get(30, TimeUnit.SECONDS);

        assertThat(reassignFailure).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        CommitmentView after = service.get(id);
        assertThat(after.status()).isEqualTo(CommitmentStatus.ACCEPTED);
        assertThat(after.ownerUsername()).isEqualTo("rob");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
