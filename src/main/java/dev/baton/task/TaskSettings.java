package dev.baton.task;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param activationTimeout how long a freshly delivered user-task job stays locked before its row is
 *     committed and the lock extended
 * @param lockDuration how long a task's job is locked to Baton once its row exists
 * @param renewBefore locks expiring within this window are extended again
 */
@ConfigurationProperties("baton.tasks")
public record TaskSettings(Duration activationTimeout, Duration lockDuration, Duration renewBefore) {}
