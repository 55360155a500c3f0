package dev.baton.embedded;

import java.util.List;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Baton would run a piece embedded that this build does not carry (the packaged jar has no
 * in-memory engine and no embedded PostgreSQL). Reported by {@link Analyzer} as Spring Boot's
 * "APPLICATION FAILED TO START" message, without a stack trace.
 */
final class MissingExternalService extends RuntimeException {

    private final List<String> problems;

    /** @param problems one sentence per missing service, naming the settings that configure it */
    MissingExternalService(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Registered in META-INF/spring.factories. */
    static final class Analyzer extends AbstractFailureAnalyzer<MissingExternalService> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, MissingExternalService cause) {
            return new FailureAnalysis(
                    "Baton needs external services that are not configured:" + System.lineSeparator() + "  - "
                            + String.join(System.lineSeparator() + "  - ", cause.problems),
                    "Run the sandbox from the source with ./mvnw spring-boot:run (everything embedded), or configure"
                            + " the services above (README, \"External services\").",
                    cause);
        }
    }
}
