package dev.baton.engine;

/**
 * One thing wrong with a playbook file, in plain words.
 *
 * @param elementId the BPMN element's id, or null when the problem is the file's as a whole
 * @param elementName the element's {@code name} (or the file name for a file's problem), or null
 * @param message what is wrong and, where there is one, the fix
 */
public record PlaybookProblem(String elementId, String elementName, String message) {

    static PlaybookProblem ofFile(String fileName, String message) {
        return new PlaybookProblem(null, fileName, message);
    }
}
