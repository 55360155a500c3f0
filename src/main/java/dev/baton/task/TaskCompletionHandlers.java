package dev.baton.task;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The features' {@link TaskCompletionHandler}s by form key: one place for the completion itself ({@link
 * TaskService#complete}) and for what follows when the engine does not take the answer ({@link TaskEngineSync}).
 */
@Component
class TaskCompletionHandlers {

    /** Looked up on first use: handlers depend on features that depend on the inbox. */
    private final ObjectProvider<TaskCompletionHandler> beans;

    private volatile Map<String, TaskCompletionHandler> byKey;

    TaskCompletionHandlers(ObjectProvider<TaskCompletionHandler> beans) {
        this.beans = beans;
    }

    /** The handler of tasks of form {@code formKey}; empty for a form without one (or no form key). */
    Optional<TaskCompletionHandler> of(String formKey) {
        if (byKey == null) {
            Map<String, TaskCompletionHandler> found = new HashMap<>();
            beans.orderedStream()
                    .forEach(handler -> handler.formKeys().forEach(key -> {
                        if (found.putIfAbsent(key, handler) != null) {
                            throw new IllegalStateException("two completion handlers for form " + key);
                        }
                    }));
            byKey = Map.copyOf(found);
        }
        return formKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(formKey));
    }
}
