package dev.baton.engine;

import java.util.List;

/** A playbook Baton or the engine will not run, with every problem found (at least one). */
public class PlaybookRefused extends RuntimeException {

    private final List<PlaybookProblem> problems;

    public PlaybookRefused(String fileName, List<PlaybookProblem> problems) {
        super(fileName + " cannot be deployed: " + problems.size() + " problem(s), first: "
                + problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    public List<PlaybookProblem> getProblems() {
        return problems;
    }
}
