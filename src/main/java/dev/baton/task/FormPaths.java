package dev.baton.task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Value paths in form data as form-js builds them: keys (a name, or a group's path) and row numbers
 * of dynamic lists, e.g. {@code [items, 0, name]}, written {@code items[0].name}.
 */
final class FormPaths {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d{1,4})]");

    private FormPaths() {}

    static List<Object> join(List<Object> prefix, List<?> more) {
        List<Object> path = new ArrayList<>(prefix);
        path.addAll(more);
        return path;
    }

    /** How a path is named in messages and HTML inputs: {@code items[0].name}. */
    static String display(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer n) {
                text.append('[').append(n).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(segment);
            }
        }
        return text.toString();
    }

    /** The value at the path, or null when any step of it is missing or of another shape. */
    static Object get(Object root, List<Object> path) {
        Object at = root;
        for (Object segment : path) {
            if (segment instanceof Integer n && at instanceof List<?> list && n < list.size()) {
                at = list.get(n);
            } else if (segment instanceof String key && at instanceof Map<?, ?> map) {
                at = map.get(key);
            } else {
                return null;
            }
        }
        return at;
    }

    /** Puts the value at the path, making the maps on the way (rows must exist already). */
    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> root, List<Object> path, Object value) {
        if (path.isEmpty() || value == null) {
            return;
        }
        Object at = root;
        for (int n = 0; n < path.size() - 1; n++) {
            Object segment = path.get(n);
            Object next =
                    segment instanceof Integer i ? ((List<Object>) at).get(i) : ((Map<String, Object>) at).get(segment);
            if (!(next instanceof Map<?, ?> || next instanceof List<?>)) {
                next = new LinkedHashMap<String, Object>();
                ((Map<String, Object>) at).put((String) segment, next);
            }
            at = next;
        }
        Object last = path.getLast();
        if (last instanceof Integer i) {
            ((List<Object>) at).set(i, value);
        } else {
            ((Map<String, Object>) at).put((String) last, value);
        }
    }

    /** The variables with the submission laid over them: maps merged key by key, anything else replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> under, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(under);
        over.forEach((key, value) -> {
            Object below = merged.get(key);
            merged.put(
                    key,
                    below instanceof Map<?, ?> b && value instanceof Map<?, ?> v
                            ? merge((Map<String, Object>) b, (Map<String, Object>) v)
                            : value);
        });
        return merged;
    }

    /**
     * An HTML form's fields as form data: names are paths ({@code address.street}, {@code
     * items[0].name}); a name sent more than once (a checklist's boxes) becomes a list. Names that
     * are no path (e.g. {@code _csrf}) are kept as they are, and so is a name that cannot be placed:
     * one below another name's value ({@code note.x} beside {@code note}), or using a list as a group or
     * a group as a list. The form's check then refuses it as a key the form does not have, whatever the
     * order of the names: it is neither dropped nor allowed to overwrite the value (a probe's {@code
     * note=a&note.x.y=1} answered 500, {@code note=a&note.x=1} completed without {@code note.x}).
     */
    static Map<String, Object> nest(Map<String, List<String>> params) {
        Map<String, List<Object>> paths = new LinkedHashMap<>();
        params.keySet().forEach(name -> paths.put(name, parse(name)));
        Set<List<Object>> values = new HashSet<>(paths.values());
        Map<String, Object> data = new LinkedHashMap<>();
        params.forEach((name, sent) -> {
            Object value = sent.size() == 1 ? sent.getFirst() : List.copyOf(sent);
            List<Object> path = paths.get(name);
            if (path == null || belowAValue(path, values) || !place(data, path, value)) {
                data.put(name, value);
            }
        });
        return data;
    }

    /** Whether a shorter part of the path is itself a name sent, whose value cannot also hold this one. */
    private static boolean belowAValue(List<Object> path, Set<List<Object>> values) {
        for (int n = 1; n < path.size(); n++) {
            if (values.contains(path.subList(0, n))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Puts the value at the path, making the groups and rows on the way; false, with nothing put, when
     * a step of the path is a list where the path has a key or the other way round.
     */
    @SuppressWarnings("unchecked")
    private static boolean place(Map<String, Object> data, List<Object> path, Object value) {
        Object at = data;
        for (int n = 0; n < path.size() - 1; n++) {
            Object segment = path.get(n);
            boolean nextIsRow = path.get(n + 1) instanceof Integer;
            Object next;
            if (segment instanceof Integer i && at instanceof List<?>) {
                List<Object> list = (List<Object>) at;
                while (list.size() <= i) {
                    list.add(null);
                }
                next = list.get(i);
                if (next == null) {
                    next = nextIsRow ? new ArrayList<>() : new LinkedHashMap<String, Object>();
                    list.set(i, next);
                }
            } else if (segment instanceof String key && at instanceof Map<?, ?>) {
                next = ((Map<String, Object>) at)
                        .computeIfAbsent(key, k -> nextIsRow ? new ArrayList<>() : new LinkedHashMap<>());
            } else {
                return false;
            }
            if (nextIsRow ? !(next instanceof List<?>) : !(next instanceof Map<?, ?>)) {
                return false; // the same name used as a row and as a key
            }
            at = next;
        }
        if (path.getLast() instanceof String key && at instanceof Map<?, ?> map && !map.containsKey(key)) {
            ((Map<String, Object>) at).put(key, value);
            return true;
        }
        return false;
    }

    /** The path a name writes, or null when it is not one. */
    static List<Object> parse(String name) {
        List<Object> path = new ArrayList<>();
        Matcher m = SEGMENT.matcher(name);
        int end = 0;
        while (m.find() && m.start() == end + (end > 0 && name.charAt(end) == '.' ? 1 : 0)) {
            path.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
            end = m.end();
        }
        boolean whole = end == name.length() && !path.isEmpty() && path.getFirst() instanceof String;
        return whole && path.getLast() instanceof String ? path : null;
    }
}
