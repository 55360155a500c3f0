package dev.baton.web;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Status and step names as pages show them: {@code ${@words.of(h.status())}} turns WRITING_NOTE
 * into "Writing note", and CANCELLED (a stored value) into "Canceled", the one spelling of
 * Baton's text. Null gives "".
 */
@Component("words")
public class Words {

    /** An enum constant's (or a code's) name as a capitalised phrase; "" for null. */
    public String of(Object code) {
        if (code == null) {
            return "";
        }
        String name = code instanceof Enum<?> e ? e.name() : code.toString();
        String phrase = name.replace('_', ' ')
                .replace('-', ' ')
                .toLowerCase(Locale.ROOT)
                .replace("cancelled", "canceled");
        return phrase.isEmpty() ? phrase : Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}
