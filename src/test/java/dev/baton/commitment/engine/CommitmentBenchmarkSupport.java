package dev.baton.commitment.engine;

import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * What benchmarks outside this package need of the commitment process's engine side, without
 * widening the main code: the sweep, and the form fields the read step clears.
 */
public final class CommitmentBenchmarkSupport {

    /** The variables the read step sets to null (the last form's values): {@link CommitmentWorkers#FORM_FIELDS}. */
    public static final List<String> FORM_FIELDS = CommitmentWorkers.FORM_FIELDS;

    private CommitmentBenchmarkSupport() {}

    /**
     * Starts a process for every open commitment recorded over a minute ago that has none, as the
     * scheduled sweep does; returns once the start messages are published (the processes' first
     * steps run after). A book written straight into the database thus gets its commitment
     * processes before the measured work starts, as a book recorded through Baton has them.
     */
    public static void sweep(ApplicationContext context) {
        context.getBean(CommitmentProcessStarter.class).sweep();
    }
}
