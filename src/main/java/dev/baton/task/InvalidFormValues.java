package dev.baton.task;

import dev.baton.shared.BadRequestException;
import java.util.Map;

/** Form values that do not fit the task's form: one message per bad field. */
public class InvalidFormValues extends BadRequestException {

    private final Map<String, String> errors;

    InvalidFormValues(Map<String, String> errors) {
        super("some form values are not valid: " + String.join(", ", errors.keySet()));
        this.errors = Map.copyOf(errors);
    }

    @Override
    public Map<String, String> getFieldErrors() {
        return errors;
    }
}
