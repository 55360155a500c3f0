package dev.baton.task;

/**
 * What a task is about beyond its account, as the step's model says: the user task's custom header
 * {@code baton:subjectType} names the kind (e.g. {@code commitment}, {@code handover}) and its local
 * variable {@code subjectId} (an input mapping such as {@code =commitmentId}) the record. One
 * generic reference instead of a column per feature: the inbox never needs to know the features.
 *
 * @param type the subject's kind, as named by the feature that describes it ({@link TaskSubjectSource#type()})
 * @param id the subject's id in that feature
 */
public record TaskSubject(String type, long id) {}
