package dev.baton.blocks;

import dev.baton.shared.BadRequestException;
import dev.baton.shared.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A domain service's refusal of what a block passed it, as the block's input error: the service
 * names its request field ({@code ownerId}), the playbook author knows the block's input ({@code
 * owner}). Conflicts (a version overtaken) are not refusals: the job is retried. The launcher's rights
 * on the account a step acts on are {@link BlockPeople#requireLauncherMay}'s.
 */
public final class BlockRefusals {

    private BlockRefusals() {}

    /**
     * Runs {@code call}; a {@link BadRequestException} or {@link NotFoundException} becomes a
     * {@link BlockInputError} on the input {@code inputByField} maps its field to (else on
     * {@code otherwise}).
     */
    public static <T> T of(String otherwise, Map<String, String> inputByField, Supplier<T> call) {
        try {
            return call.get();
        } catch (BadRequestException e) {
            var field = e.getFieldErrors().entrySet().stream().findFirst();
            throw field.map(f -> new BlockInputError(inputByField.getOrDefault(f.getKey(), otherwise), f.getValue()))
                    .orElseGet(() -> new BlockInputError(otherwise, e.getMessage()));
        } catch (NotFoundException e) {
            throw new BlockInputError(otherwise, e.getMessage());
        }
    }

    /** {@code value} when bean validation finds nothing wrong, else the first violation as an input error. */
    public static <T> T valid(Validator validator, T value, Map<String, String> inputByField) {
        validator.validate(value).stream()
                .min(Comparator.comparing(
                        (ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    String field = v.getPropertyPath().toString();
                    throw new BlockInputError(inputByField.getOrDefault(field, field), v.getMessage());
                });
        return value;
    }
}
