package dev.baton.commitment;

import dev.baton.shared.BadRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A person's decision on a commitment task, as the task's form sent it. Which fields count depends on
 * {@code decision}; a missing one is a 400 naming the field.
 */
public record CommitmentDecision(
        String decision,
        String reason,
        String evidence,
        LocalDate newDueDate,
        String newDescription,
        String newOwnerUsername) {

    /**
     * Reads the commitment forms' values (keys {@code decision}, {@code reason}, {@code evidence},
     * {@code newDueDate} as {@code yyyy-MM-dd} or a date-time whose date part counts, {@code
     * newDescription}, {@code newOwnerUsername}).
     *
     * @throws BadRequestException naming {@code newDueDate} when it is not a date
     */
    public static CommitmentDecision fromForm(Map<String, ?> v) {
        return new CommitmentDecision(
                text(v, "decision"),
                text(v, "reason"),
                text(v, "evidence"),
                date(v),
                text(v, "newDescription"),
                text(v, "newOwnerUsername"));
    }

    /** This decision with the new owner named by user name (one typed as an address or full name, resolved). */
    public CommitmentDecision withNewOwner(String username) {
        return new CommitmentDecision(decision, reason, evidence, newDueDate, newDescription, username);
    }

    private static String text(Map<String, ?> v, String name) {
        return v.get(name) == null ? null : v.get(name).toString();
    }

    private static LocalDate date(Map<String, ?> v) {
        String value = text(v, "newDueDate");
        try {
            return value == null || value.isBlank()
                    ? null
                    : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("newDueDate", "is not a date: " + value);
        }
    }
}
