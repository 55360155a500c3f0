package dev.baton.shared;

import java.util.Locale;

/**
 * A status or step code in words, the one spelling of Baton's text wherever it shows one: pages (through
 * {@code Words}) and messages alike. WRITING_NOTE reads "writing note", and CANCELLED (a stored value)
 * "canceled", as Baton spells it.
 */
public final class StatusWords {

    private StatusWords() {}

    /**
     * The code as a lower-case phrase, to sit inside a sentence ("commitment 5 is canceled and ...").
     *
     * @param code an enum constant (its name) or any code (its {@code toString()}); may be null
     * @return the phrase, or "" for null
     */
    public static String phrase(Object code) {
        if (code == null) {
            return "";
        }
        String name = code instanceof Enum<?> e ? e.name() : code.toString();
        return name.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT).replace("cancelled", "canceled");
    }
}
