package dev.baton.blocks;

/**
 * A block's input is missing or wrong: no further delivery of the job can cure it, so the job fails
 * with no retries left (an engine incident) whose message names the step and the input. Thrown by
 * block workers; the engine module turns it into the incident.
 */
public class BlockInputError extends RuntimeException {

    private final String input;

    /** @param input the input's name, e.g. {@code template}; {@code reason} says what is wrong, in words */
    public BlockInputError(String input, String reason) {
        super("input '" + input + "': " + reason);
        this.input = input;
    }

    public String input() {
        return input;
    }
}
