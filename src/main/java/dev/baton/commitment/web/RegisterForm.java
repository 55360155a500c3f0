package dev.baton.commitment.web;

import dev.baton.shared.InputErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The register page's filter form as it is filled in: each filter's value as text and each refused
 * one's message. A filter the register cannot use (a date that is no date, {@code dueFrom} after
 * {@code dueTo}, an owner id nobody has) is shown again as the user sent it, at its field, beside their
 * other filters; the filters used come from {@link RegisterParams}.
 */
record RegisterForm(Map<String, String> values, Map<String, String> errors) {

    /** The filters the form has, in the order of {@link RegisterParams}. */
    static final List<String> FILTERS =
            List.of("status", "owner", "team", "account", "overdue", "unowned", "rejected", "dueFrom", "dueTo", "open");

    /** The filters the rows were found by. */
    static RegisterForm of(RegisterParams p) {
        List<String> used = List.of(
                Objects.toString(p.status(), ""),
                Objects.toString(p.owner(), ""),
                Objects.toString(p.team(), ""),
                Objects.toString(p.account(), ""),
                Objects.toString(p.overdue(), ""),
                Objects.toString(p.unowned(), ""),
                Objects.toString(p.rejected(), ""),
                Objects.toString(p.dueFrom(), ""),
                Objects.toString(p.dueTo(), ""),
                Objects.toString(p.open(), ""));
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < FILTERS.size(); i++) {
            values.put(FILTERS.get(i), used.get(i));
        }
        return new RegisterForm(values, Map.of());
    }

    /** The filters with a field of their own on the page, where their message shows. */
    private static final List<String> FIELDS = List.of("status", "owner", "team", "account", "dueFrom", "dueTo");

    /** The filters as the request sent them (the first of a repeated one), with the refused ones' messages. */
    static RegisterForm typed(HttpServletRequest request, Map<String, String> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        FILTERS.forEach(name -> values.put(name, Objects.toString(request.getParameter(name), "")));
        return new RegisterForm(values, errors);
    }

    /** The filter's value as text; "" when it is not given. */
    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** Whether the filter has this value: a select's option ({@code status}, an owner's or team's id). */
    public boolean chosen(String name, Object option) {
        return option != null && option.toString().equals(value(name));
    }

    /** Whether a flag's box is ticked ({@code open=true}). */
    public boolean ticked(String name) {
        return "true".equals(value(name));
    }

    /** The message at the filter's field; null when it was not refused. */
    public String error(String name) {
        return errors.get(name);
    }

    /** "overdue: must be true or false": the refused filters without a field to show it at (the flags). */
    public String flagErrors() {
        Map<String, String> flags = new LinkedHashMap<>(errors);
        flags.keySet().removeAll(FIELDS);
        return InputErrors.describe(flags, null);
    }
}
