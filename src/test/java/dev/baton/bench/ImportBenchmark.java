package dev.baton.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Import through the API of {@code bench.accounts} accounts (default 100,000) and three contacts each,
 * Salesforce-style: rows per second of each real import and the heap used while it runs. By default
 * the heap in use is sampled every 100 ms, garbage included (its peak). With {@code -Dbench.live-heap}
 * a full collection is forced every 2 s instead and the heap in use right after it is sampled: the
 * live heap, which is flat when its peak does not grow with the file (rows per second then include
 * those collections). Prints figures; asserts nothing (see README, Benchmarks). Run: ./mvnw -B verify
 * -Dbenchmark.excludedGroups= -Dgroups=benchmark -Dtest=ImportBenchmark [-Dbench.accounts=10000]
 * [-Dbench.live-heap] [-Dbench.rounds=3]
 */
@Tag("benchmark")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baton.imports.max-file-size=2GB")
class ImportBenchmark {

    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);
    /** How many times the two files are made and imported, each time new records (the first rounds warm the JVM). */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 1);

    static final boolean LIVE_HEAP =
            System.getProperty("bench.live-heap") != null && !"false".equals(System.getProperty("bench.live-heap"));

    @Autowired
    TestRestTemplate http;

    @Test
    void importsAccountsAndContactsWithFlatMemory() throws IOException {
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.printf("%nround %d of %d", round, ROUNDS);
            importOnce();
        }
    }

    private void importOnce() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path accounts = Files.createTempFile("bench-accounts-", ".csv");
        Path contacts = Files.createTempFile("bench-contacts-", ".csv");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(accounts, StandardCharsets.UTF_8)) {
                out.write("\"Account Owner\",\"Account Name\",\"Type\",\"Billing Country\",\"Account ID\"\r\n");
                for (int i = 0; i < ACCOUNTS; i++) {
                    out.write("\"" + (i % 2 == 0 ? "Rob Jansen" : "rita@baton.example") + "\",\"Bench " + run
                            + " account " + i + ", Inc.\",\"Customer - Direct\",\"Germany\",\"" + run + "A" + i
                            + "\"\r\n");
                }
            }
            try (BufferedWriter out = Files.newBufferedWriter(contacts, StandardCharsets.UTF_8)) {
                out.write("ID,ACCOUNTID,FIRSTNAME,LASTNAME,TITLE,EMAIL,PHONE\r\n");
                for (int i = 0; i < ACCOUNTS * 3; i++) {
                    out.write(run + "C" + i + "," + run + "A" + (i / 3) + ",Jörg,Müller " + i + ",Buyer,c" + i
                            + "@bench.example,+49 30 " + i + "\r\n");
                }
            }
            System.out.printf(
                    "%nimport benchmark: %,d accounts (%,d bytes), %,d contacts (%,d bytes)%n",
                    ACCOUNTS, Files.size(accounts), ACCOUNTS * 3, Files.size(contacts));
            measure("accounts", "ACCOUNTS", accounts);
            measure("contacts", "CONTACTS", contacts);
        } finally {
            Files.deleteIfExists(accounts);
            Files.deleteIfExists(contacts);
        }
    }

    private void measure(String name, String kind, Path file) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicLong samples = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> {
                    if (LIVE_HEAP) {
                        System.gc();
                    }
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    samples.incrementAndGet();
                },
                LIVE_HEAP ? 2000 : 0,
                LIVE_HEAP ? 2000 : 100,
                TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        Map job = start(kind, file);
        while (List.of("QUEUED", "RUNNING").contains(job.get("status"))) {
            sleep();
            job = http.withBasicAuth("ada", "demo").getForObject("/api/imports/" + job.get("id"), Map.class);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.shutdownNow();
        System.out.printf(
                "%-9s %s: %,d rows in %.1f s = %,.0f rows/s; heap used before %,d MB, peak %,d MB %s (errors %s)%n",
                name,
                job.get("status"),
                job.get("rowsDone"),
                seconds,
                ((Number) job.get("rowsDone")).intValue() / seconds,
                before >> 20,
                peak.get() >> 20,
                (LIVE_HEAP ? "after a forced full collection, " : "garbage included, ") + samples.get() + " samples",
                job.get("errorCount"));
    }

    private Map start(String kind, Path file) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new FileSystemResource(file));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("ada", "demo")
                .postForObject(
                        "/api/imports?kind=" + kind + "&source=SALESFORCE&dryRun=false",
                        new HttpEntity<>(parts, headers),
                        Map.class);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
