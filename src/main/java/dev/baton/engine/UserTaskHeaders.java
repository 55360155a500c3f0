package dev.baton.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.Bpmn.Variables;
import dev.baton.task.TaskSpec;
import dev.baton.task.TaskSubject;
import io.camunda.client.api.response.ActivatedJob;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a user-task job the way the engine writes it: assignment, form and schedule are custom
 * headers (checked against the in-memory engine, see UserTaskHeadersTests and
 * ModelerPlaybooksIntegrationTests). A job does not carry its element's or process's name: they
 * come from the deployed model ({@link ProcessModels}), else from the element id ({@code
 * task_review_account} becomes "Review account").
 */
public final class UserTaskHeaders {

    public static final String ASSIGNEE = "io.camunda.zeebe:assignee";
    public static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
    public static final String CANDIDATE_USERS = "io.camunda.zeebe:candidateUsers";
    public static final String FORM_KEY = "io.camunda.zeebe:formKey";
    public static final String DUE_DATE = "io.camunda.zeebe:dueDate";
    public static final String FOLLOW_UP_DATE = "io.camunda.zeebe:followUpDate";
    /** Baton's own header: "true" when the playbook has timers for this step's reminder/escalation. */
    public static final String OWN_REMINDERS = "baton:ownReminders";
    /**
     * Baton's own header: "true" when the playbook escalates this step itself once it is late (the
     * renewal's chase task) but leaves the reminder before the due date to Baton.
     */
    public static final String OWN_ESCALATION = "baton:ownEscalation";
    /** Baton's own header: the kind of record the step is about (its id is the step's {@code subjectId} variable). */
    public static final String SUBJECT_TYPE = "baton:subjectType";
    /** Baton's own header: "true" when the playbook mails the assignee about this step itself. */
    public static final String OWN_ASSIGNMENT_MAIL = "baton:ownAssignmentMail";

    private static final ObjectMapper JSON = new ObjectMapper();

    private UserTaskHeaders() {}

    /**
     * The job as a task spec. Throws {@link IllegalArgumentException} when a header cannot be read or
     * names a form the models lack: a fault in the model, not a passing one.
     */
    static TaskSpec toSpec(ActivatedJob job, ProcessModels models) {
        Map<String, String> headers = job.getCustomHeaders();
        Map<String, Object> vars = job.getVariablesAsMap();
        long definition = job.getProcessDefinitionKey();
        String name = models.elementName(definition, job.getBpmnProcessId(), job.getElementId());
        Optional<ProcessModels.StepForm> form = models.form(headers.get(FORM_KEY), definition, job.getBpmnProcessId());
        Object account = vars.get(Variables.ACCOUNT_ID);
        Long accountId = id(account);
        return new TaskSpec(
                job.getKey(),
                job.getProcessInstanceKey(),
                job.getElementInstanceKey(),
                job.getBpmnProcessId(),
                job.getProcessDefinitionVersion(),
                job.getElementId(),
                name != null ? name : nameOf(job.getElementId()),
                blankToNull(headers.get(ASSIGNEE)),
                list(headers.get(CANDIDATE_GROUPS)),
                form.map(ProcessModels.StepForm::key).orElse(null),
                instant(headers.get(DUE_DATE)),
                instant(headers.get(FOLLOW_UP_DATE)),
                accountId,
                subject(blankToNull(headers.get(SUBJECT_TYPE)), id(vars.get(Variables.SUBJECT_ID))),
                flag(headers.get(OWN_REMINDERS)),
                flag(headers.get(OWN_ASSIGNMENT_MAIL)),
                list(headers.get(CANDIDATE_USERS)),
                accountId == null && account != null ? foreign(account) : null,
                models.processName(definition, job.getBpmnProcessId()),
                form.map(ProcessModels.StepForm::schema).orElse(null),
                flag(headers.get(OWN_ESCALATION)));
    }

    /** A business id Baton does not have, as text (CRM ids are at most a few dozen characters). */
    private static String foreign(Object value) {
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static TaskSubject subject(String type, Long id) {
        return type == null || id == null ? null : new TaskSubject(type.trim(), id);
    }

    private static boolean flag(String header) {
        return header != null && "true".equalsIgnoreCase(header.trim());
    }

    static String nameOf(String elementId) {
        String words = elementId
                .replaceFirst("^(task|user_task|usertask)_", "")
                .replaceAll("[_-]+", " ")
                .trim();
        return words.isEmpty() ? elementId : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * Candidate groups or users: the engine writes a JSON array ({@code ["sales-emea"]}), for a comma
     * list in the model and for a FEEL list alike; a comma list is accepted too.
     */
    static Set<String> list(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        List<String> names;
        try {
            names = header.trim().startsWith("[")
                    ? JSON.readValue(header, new TypeReference<List<String>>() {})
                    : Arrays.asList(header.split(","));
        } catch (IOException e) {
            throw new IllegalArgumentException("a candidate list header is not a JSON array: " + header, e);
        }
        Set<String> groups = new LinkedHashSet<>();
        names.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(groups::add);
        return groups;
    }

    /** Dates are ISO 8601 with an offset (e.g. 2026-01-31T09:00:00Z, ...+01:00, or with a zone id). */
    public static Instant instant(String header) {
        return header == null || header.isBlank()
                ? null
                : ZonedDateTime.parse(header.trim()).toInstant();
    }

    /** A Baton id: a whole number, or text of digits; anything else (a CRM id) is no Baton id. */
    private static Long id(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e15) {
            return n.longValue();
        }
        return value instanceof String s && s.strip().matches("\\d{1,18}") ? Long.valueOf(s.strip()) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
