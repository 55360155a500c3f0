package dev.baton.handover;

/**
 * The successor chosen for an account cannot take it, with why in words. When recording the manager's
 * choice, the process asks the manager again; when moving the account, the step stops for its manager
 * to choose another successor.
 */
public class InvalidSuccessor extends RuntimeException {

    public InvalidSuccessor(String message) {
        super(message);
    }
}
