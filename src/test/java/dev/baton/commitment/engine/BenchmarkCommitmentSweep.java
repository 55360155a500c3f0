package dev.baton.commitment.engine;

import org.springframework.context.ApplicationContext;

/**
 * The commitment sweep for benchmarks outside this package: a book written straight into the
 * database gets its commitment processes before the measured work starts, as a book recorded
 * through Baton has them.
 */
public final class BenchmarkCommitmentSweep {

    private BenchmarkCommitmentSweep() {}

    /**
     * Starts a process for every open commitment recorded over a minute ago that has none, as the
     * scheduled sweep does; returns once the start messages are published (the processes' first
     * steps run after).
     */
    public static void run(ApplicationContext context) {
        context.getBean(CommitmentProcessStarter.class).sweep();
    }
}
