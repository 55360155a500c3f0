package dev.baton.web;

import dev.baton.people.Role;
import dev.baton.shared.Labelled;
import dev.baton.shared.StatusWords;
import dev.baton.shared.StepNames;
import dev.baton.shared.Text;
import org.springframework.stereotype.Component;

/**
 * Status and step names as pages show them: {@code ${@words.of(h.status())}} turns WRITING_NOTE
 * into "Writing note", and CANCELLED (a stored value) into "Canceled": {@link StatusWords}' phrase,
 * capitalised, so pages and messages spell a status alike. Null gives "". Counts come with their noun in
 * the number it takes ({@link #count}).
 */
@Component("words")
public class Words {

    /** An enum constant's (or a code's) name as a capitalised phrase, its label if it has one; "" for null. */
    public String of(Object code) {
        if (code instanceof Labelled labelled) {
            return labelled.label();
        }
        String phrase = StatusWords.phrase(code);
        return phrase.isEmpty() ? phrase : Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }

    /**
     * A step as people are shown it ({@link StepNames#inWords}): {@code ${@words.step(s.elementName(),
     * s.elementId())}} is its name, or "step without a name (id Activity_1)".
     */
    public String step(String name, String elementId) {
        return StepNames.inWords(name, elementId);
    }

    /**
     * Roles named by their keys (a playbook's launch roles, "MANAGER"), as pages show roles: their labels in
     * {@link Role}'s order, joined by commas ("Admin, Manager"), as {@link Role#labels} shows a person's roles. A
     * key that names no role is shown as written, after them.
     *
     * @param keys role names, in any case; null or none gives ""
     */
    public String roles(java.util.Collection<String> keys) {
        if (keys == null) {
            return "";
        }
        java.util.Set<Role> known = java.util.EnumSet.noneOf(Role.class);
        java.util.List<String> unknown = new java.util.ArrayList<>();
        for (String key : keys) {
            try {
                known.add(Role.valueOf(key.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException notARole) {
                unknown.add(key);
            }
        }
        java.util.List<String> shown = new java.util.ArrayList<>();
        if (!known.isEmpty()) {
            shown.add(Role.labels(known));
        }
        shown.addAll(unknown);
        return String.join(", ", shown);
    }

    /** A count with its noun, singular for one: {@code ${@words.count(3, 'problem')}} is "3 problems", 1 "1 problem". */
    public String count(long n, String noun) {
        return Text.count(n, noun);
    }
}
