package dev.baton.engine;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's model validation messages that Baton recognises, said for a revenue-ops author: what
 * is missing and where Camunda Modeler sets it. Any other message is passed through as the engine
 * wrote it.
 */
final class EngineModelMessages {

    private static final String JOB_TYPE = "Must have exactly one 'zeebe:taskDefinition' extension element";
    private static final String NO_MESSAGE = "Must reference a message";
    private static final Pattern EITHER =
            Pattern.compile("Must have either one 'zeebe:(\\w+)' or one 'zeebe:(\\w+)' extension element");
    private static final String BLOCKS = "set its job type (Camunda Modeler: Task definition → Job type) to one"
            + " of Baton's building blocks, listed on /playbooks/blocks";

    private EngineModelMessages() {}

    /**
     * @param message a model validation message of the engine (an error)
     * @return the message in plain words with the fix, or {@code message} itself when not recognised
     */
    static String plain(String message) {
        if (JOB_TYPE.equals(message)) {
            return "no job type, so nothing would ever do this step: " + BLOCKS;
        }
        if (NO_MESSAGE.equals(message)) {
            return "names no message: choose one (Camunda Modeler: Message → Global message reference)";
        }
        Matcher either = EITHER.matcher(message);
        if (!either.matches()) {
            return message;
        }
        Set<String> options = Set.of(either.group(1), either.group(2));
        if (options.equals(Set.of("publishMessage", "taskDefinition"))) {
            return "no job type, so nothing would ever send this: a playbook sends through a building block"
                    + " (baton.send-email for a mail): " + BLOCKS;
        }
        if (options.equals(Set.of("calledDecision", "taskDefinition"))) {
            return "names neither a decision nor a job type, so the step would stop the run. Baton runs no"
                    + " decisions (DMN): draw the rule with gateways, or make it a service task and " + BLOCKS;
        }
        if (options.equals(Set.of("script", "taskDefinition"))) {
            return "has no script: give it a FEEL expression and a result variable (Camunda Modeler:"
                    + " Implementation → FEEL expression, Result variable), or remove the task";
        }
        return message;
    }
}
