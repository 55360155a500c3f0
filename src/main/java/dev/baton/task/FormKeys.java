package dev.baton.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys a form's data may have, as a tree: an input's or computed field's key is a leaf (its value
 * is the field's, whatever its shape); a group with a path, and each row of a dynamic list, a level of
 * its own; a group without a path adds its children to the level it stands in. A submission with a key
 * the form has nowhere is refused naming it, not completed without it: a misspelt answer was dropped
 * without a word (found by a probe). form-js and the task page post only the form's keys, so only a
 * hand-written answer can have others. A hidden field's key is the form's still (its value is dropped).
 */
final class FormKeys {

    /** The sub-keys of a group or list row; null for a field (a leaf). */
    private final Map<String, FormKeys> children;

    private final boolean rows;

    private FormKeys(Map<String, FormKeys> children, boolean rows) {
        this.children = children;
        this.rows = rows;
    }

    static FormKeys of(List<FormComponent> components) {
        return level(components, false);
    }

    private static FormKeys level(List<FormComponent> components, boolean rows) {
        FormKeys level = new FormKeys(new LinkedHashMap<>(), rows);
        level.add(components);
        return level;
    }

    private void add(List<FormComponent> components) {
        for (FormComponent c : components) {
            if (c.kind() == FormComponent.Kind.DISPLAY || c.path().isEmpty() && !c.keyed()) {
                if (c.kind() == FormComponent.Kind.GROUP) {
                    add(c.components());
                }
                continue;
            }
            FormKeys at = this;
            for (String segment : c.path().subList(0, c.path().size() - 1)) {
                at = at.children.computeIfAbsent(segment, s -> new FormKeys(new LinkedHashMap<>(), false));
                if (at.children == null) {
                    break; // a field's key is a prefix of another's: the field takes what is below
                }
            }
            if (at.children != null) {
                at.children.merge(c.path().getLast(), node(c), FormKeys::union);
            }
        }
    }

    private static FormKeys node(FormComponent c) {
        return switch (c.kind()) {
            case GROUP -> level(c.components(), false);
            case LIST -> level(c.components(), true);
            default -> new FormKeys(null, false);
        };
    }

    /** Two components at one key (a group's path written twice): the keys of both. */
    private static FormKeys union(FormKeys a, FormKeys b) {
        if (a.children == null || b.children == null) {
            return new FormKeys(null, false);
        }
        FormKeys both = new FormKeys(new LinkedHashMap<>(a.children), a.rows || b.rows);
        b.children.forEach((key, node) -> both.children.merge(key, node, FormKeys::union));
        return both;
    }

    /**
     * Each key of {@code submitted} that this form has nowhere, by its path ({@code contact.emial},
     * {@code items[0].prize}), with the keys the form has at that level.
     */
    Map<String, String> unknown(Map<String, ?> submitted) {
        Map<String, String> unknown = new LinkedHashMap<>();
        check(submitted, List.of(), unknown);
        return unknown;
    }

    private void check(Map<?, ?> data, List<Object> prefix, Map<String, String> unknown) {
        data.forEach((key, value) -> {
            List<Object> path = FormPaths.join(prefix, List.of(String.valueOf(key)));
            FormKeys node = children.get(String.valueOf(key));
            if (node == null) {
                unknown.put(FormPaths.display(path), notHere());
            } else if (node.children != null && node.rows && value instanceof List<?> list) {
                for (int n = 0; n < list.size(); n++) {
                    if (list.get(n) instanceof Map<?, ?> row) {
                        node.check(row, FormPaths.join(path, List.of(n)), unknown);
                    }
                }
            } else if (node.children != null && !node.rows && value instanceof Map<?, ?> group) {
                node.check(group, path, unknown);
            }
        });
    }

    private String notHere() {
        List<String> keys = new ArrayList<>(children.keySet());
        return keys.isEmpty()
                ? "is not a field of this form: it has none here"
                : "is not a field of this form (its fields here: " + String.join(", ", keys) + ")";
    }
}
