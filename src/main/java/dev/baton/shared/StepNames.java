package dev.baton.shared;

/**
 * A step of a playbook (a BPMN element) as people are shown it: its name as drawn in Modeler, or, when the
 * model gives it none, its element id said to be one. One rule for every page and message that names where
 * a run waits or stopped (session 43's probe: the upgrade preview showed "Activity_0x1y2z" where the step
 * has a name).
 */
public final class StepNames {

    private StepNames() {}

    /**
     * @param name the element's {@code name} in its model, or null (blank counts as none)
     * @param elementId its id
     * @return "Call the customer", or "step without a name (id Activity_0x1y2z)"
     */
    public static String inWords(String name, String elementId) {
        return name == null || name.isBlank() ? "step without a name (id " + elementId + ")" : name.strip();
    }

    /** As {@link #inWords}, a name in quotes for a sentence: "'Call the customer'". */
    public static String quoted(String name, String elementId) {
        return name == null || name.isBlank() ? inWords(name, elementId) : "'" + name.strip() + "'";
    }
}
