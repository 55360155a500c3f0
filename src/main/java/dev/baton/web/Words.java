package dev.baton.web;

import dev.baton.shared.StatusWords;
import org.springframework.stereotype.Component;

/**
 * Status and step names as pages show them: {@code ${@words.of(h.status())}} turns WRITING_NOTE
 * into "Writing note", and CANCELLED (a stored value) into "Canceled": {@link StatusWords}' phrase,
 * capitalised, so pages and messages spell a status alike. Null gives "".
 */
@Component("words")
public class Words {

    /** An enum constant's (or a code's) name as a capitalised phrase; "" for null. */
    public String of(Object code) {
        String phrase = StatusWords.phrase(code);
        return phrase.isEmpty() ? phrase : Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}
