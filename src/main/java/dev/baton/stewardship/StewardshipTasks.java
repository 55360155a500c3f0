package dev.baton.stewardship;

import dev.baton.account.ContactDetails;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.NotFoundException;
import dev.baton.task.Task;
import dev.baton.task.TaskCompletionHandler;
import dev.baton.task.TaskSubjectSource;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The stewardship's tasks in the inbox. The review task's subject links to the review's contacts,
 * where the owner records an outcome per contact; the owner's last outcome completes the task ({@link
 * ReviewTasks}), and completing it from the inbox is refused while a contact has none. The follow-up
 * task is about the contact who left; its answer (successor, introduction) is applied before the step
 * completes, refused at the field when it names no usable contact, or both an existing contact and a
 * new one.
 */
@Component
class StewardshipTasks implements TaskCompletionHandler {

    static final String REVIEW_FORM = "stewardship-review";

    /** The {@code baton:subjectType} of the review task (its subject: the review). */
    static final String REVIEW_SUBJECT_TYPE = "stewardship";

    static final String SUCCESSOR_FORM = "stewardship-successor";

    /** Field of the successor form → field of {@link ContactDetails}, for refusals at the form's field. */
    private static final Map<String, String> NEW_CONTACT_FIELDS =
            Map.of("fullName", "successorFullName", "email", "successorEmail", "title", "successorTitle");

    private final StewardshipService stewardship;
    private final Validator validator;

    StewardshipTasks(StewardshipService stewardship, Validator validator) {
        this.stewardship = stewardship;
        this.validator = validator;
    }

    @Override
    public Set<String> formKeys() {
        return Set.of(REVIEW_FORM, SUCCESSOR_FORM);
    }

    @Override
    public Map<String, Object> complete(Task task, Map<String, Object> values, String actor) {
        try {
            if (REVIEW_FORM.equals(task.getFormKey())) {
                stewardship.requireAllAnswered(task.getSubject().id());
                return Map.of();
            }
            Object named = values.get("successorContactId");
            if (named != null && NEW_CONTACT_FIELDS.values().stream().anyMatch(f -> text(values, f) != null)) {
                // one of them would be dropped without a word: the owner meant one of the two
                throw new BadRequestException(
                        "successorContactId", "choose an existing contact or enter a new one, not both");
            }
            String fullName = text(values, "successorFullName");
            ContactDetails created = fullName == null
                    ? null
                    : new ContactDetails(
                            fullName,
                            text(values, "successorTitle"),
                            text(values, "successorEmail"),
                            null,
                            null,
                            false,
                            null);
            if (created != null) {
                Map<String, String> errors = new LinkedHashMap<>();
                for (ConstraintViolation<ContactDetails> v : validator.validate(created)) {
                    String field = v.getPropertyPath().toString();
                    errors.put(NEW_CONTACT_FIELDS.getOrDefault(field, "successorFullName"), v.getMessage());
                }
                if (!errors.isEmpty()) {
                    throw TaskCompletionHandler.refuse(errors);
                }
            }
            long successor = stewardship.nameSuccessor(
                    task.getSubject().id(),
                    new StewardshipService.Successor(
                            named == null ? null : ((Number) named).longValue(),
                            created,
                            text(values, "introductionPlan"),
                            date(text(values, "introductionOn"))),
                    actor);
            return Map.of("successorContactId", successor);
        } catch (BadRequestException refused) {
            throw TaskCompletionHandler.refuse(refused.getFieldErrors());
        }
    }

    private static String text(Map<String, Object> values, String key) {
        Object v = values.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("introductionOn", "is not a date: " + value);
        }
    }

    /** The review task's subject: the review, with how many contacts still wait for an outcome. */
    @Component
    static class Reviews implements TaskSubjectSource {

        private final StewardshipService stewardship;

        Reviews(StewardshipService stewardship) {
            this.stewardship = stewardship;
        }

        @Override
        public String type() {
            return "stewardship";
        }

        @Override
        public Optional<Summary> describe(long id, Long accountId) {
            try {
                var view = stewardship.view(id);
                return Optional.of(new Summary(
                        type(),
                        id,
                        "Contact review",
                        view.unanswered() + " of " + view.contacts().size()
                                + " contacts not verified within the window still need an outcome",
                        "/stewardship/" + id));
            } catch (NotFoundException gone) {
                return Optional.empty();
            }
        }
    }

    /** The follow-up task's subject: the contact who left. */
    @Component
    static class Departed implements TaskSubjectSource {

        private final dev.baton.account.ContactService contacts;

        Departed(dev.baton.account.ContactService contacts) {
            this.contacts = contacts;
        }

        @Override
        public String type() {
            return "contact-left";
        }

        @Override
        public Optional<Summary> describe(long id, Long accountId) {
            return contacts.byIds(java.util.List.of(id)).stream()
                    .findFirst()
                    .map(c -> new Summary(
                            type(),
                            id,
                            "Contact who left",
                            c.getFullName() + " left " + c.getAccount().getName()
                                    + ": name who follows them and plan an introduction",
                            "/accounts/" + c.getAccount().getId()));
        }
    }
}
