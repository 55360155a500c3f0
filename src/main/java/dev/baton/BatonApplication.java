package dev.baton;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BatonApplication {

    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        // the sandbox's in-memory engine pushes jobs to the workers on the common fork-join pool, one
        // thread on a 2-core machine: steps would wait for the workers' fallback poll
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, "8");
        }
        try {
            SpringApplication.run(BatonApplication.class, args);
        } catch (AbandonedRunException e) {
            throw e; // a run stopped on purpose (AOT processing), not a failed start
        } catch (RuntimeException | Error failed) {
            // Spring Boot has reported the failure and closed the context. A thread a library started and
            // nobody can stop would keep the JVM, and ./mvnw spring-boot:run with it, waiting for ever:
            // Zeebe Process Test's engine schedules its idle checks on one JVM-wide, non-daemon
            // java.util.Timer ("Timer-0", EngineStateMonitor.TIMER), which the engine's stop leaves running
            System.exit(1);
        }
    }
}
