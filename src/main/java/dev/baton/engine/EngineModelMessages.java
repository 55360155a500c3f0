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
    private static final String NO_COLLECTION = "Must have exactly one 'zeebe:loopCharacteristics' extension element";
    private static final String NO_CALLED_PROCESS = "Must have exactly one 'zeebe:calledElement' extension element";
    private static final String TIMER_DATE = "Invalid timer date expression";
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
        // the next three found by the session 35 probe, reaching authors in the engine's words
        if (NO_COLLECTION.equals(message)) {
            return "a multi-instance step that says nothing to repeat over: give it an input collection and"
                    + " element (Camunda Modeler: Multi-instance → Input collection, e.g. =reviewers, and Input"
                    + " element, e.g. reviewer), or make it a plain step";
        }
        if (NO_CALLED_PROCESS.equals(message)) {
            return "a call activity that names no playbook to call: set the process ID of an uploaded playbook"
                    + " (Camunda Modeler: Called element → Process ID)";
        }
        if (message != null && message.startsWith(TIMER_DATE)) {
            return "a timer date the engine cannot read: write a date and time with its offset, e.g."
                    + " 2026-12-24T17:00:00+01:00 (or an expression, e.g. =date and time(\"2026-12-24T17:00:00@Europe/Berlin\"))."
                    + " The engine said: " + message;
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
