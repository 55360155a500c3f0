package dev.baton.handover;

/** The successor chosen for an account cannot take it; the process asks the manager again. */
public class InvalidSuccessor extends RuntimeException {

    public InvalidSuccessor(String message) {
        super(message);
    }
}
