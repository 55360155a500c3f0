package dev.baton.task;

import java.time.Duration;
import java.util.Map;

/**
 * What the task inbox needs from the process engine, in Baton's terms. The engine bridge in
 * {@code dev.baton.engine.CamundaTaskEngine} implements it, so this package never depends on the engine's API.
 * {@link NotTaken} means the engine refused the command before acting on it (busy), {@link Refused}
 * that it refused it for good; any other failure
 * (engine unreachable, timeout, a dropped connection) is a runtime exception whose command the
 * engine may or may not have carried out: the caller retries later.
 */
public interface TaskEngine {

    /** Completes the task's job, handing the values to the process as variables. */
    void complete(long jobKey, Map<String, Object> variables) throws JobGone;

    /** Keeps the job locked to Baton for {@code duration} from now, so no other worker gets it. */
    void extendLock(long jobKey, Duration duration) throws JobGone;

    /**
     * The longest one call of this port may take before it fails: the engine client's request timeout
     * ({@code camunda.client.request-timeout}, 10 s unless set). A call still running after it has
     * failed with a runtime exception. Never null.
     */
    Duration callTimeout();

    /**
     * The engine refused the command for a reason a retry cannot mend (the values are too large for
     * its messages, or invalid): nothing changed; the person must change the answer.
     */
    final class Refused extends RuntimeException {
        public Refused(long jobKey, String reason, Throwable cause) {
            super("the engine refused the command for job " + jobKey + ": " + reason, cause);
        }
    }

    /** The engine turned the command away unprocessed (back-pressure): nothing changed, try again later. */
    final class NotTaken extends RuntimeException {
        public NotTaken(long jobKey, Throwable cause) {
            super("the engine did not take the command for job " + jobKey + " (busy)", cause);
        }
    }

    /** The engine no longer has the job: its step was interrupted (boundary event, cancelled instance). */
    final class JobGone extends Exception {
        public JobGone(long jobKey, Throwable cause) {
            super("the engine no longer has job " + jobKey, cause);
        }
    }
}
