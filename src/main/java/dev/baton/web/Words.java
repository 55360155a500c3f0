package dev.baton.web;

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

    /** A count with its noun, singular for one: {@code ${@words.count(3, 'problem')}} is "3 problems", 1 "1 problem". */
    public String count(long n, String noun) {
        return Text.count(n, noun);
    }
}
