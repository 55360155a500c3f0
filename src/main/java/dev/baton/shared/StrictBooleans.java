package dev.baton.shared;

import java.beans.PropertyEditorSupport;
import java.util.Locale;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A true/false query or form parameter ({@code ?active=true}) takes {@code true} or {@code false}
 * (any case) and nothing else; blank means not given. Spring's own binding also took {@code yes},
 * {@code on}, {@code 1}, {@code no}, {@code off} and {@code 0}, so {@code ?active=yes} filtered while
 * the 400 for {@code ?active=maybe} said "must be true or false". Anything else is now that 400,
 * naming the parameter ({@link InputErrors#expected(Class)}), on every page and API. An editor, not
 * a converter: when a converter refuses a value, Spring falls back to its default editor, which
 * takes {@code yes}. Every checkbox of the pages sends {@code value="true"}; request bodies are JSON
 * and strict already ({@link StrictJson}).
 */
@ControllerAdvice
class StrictBooleans {

    @InitBinder
    void trueOrFalseOnly(WebDataBinder binder) {
        binder.registerCustomEditor(Boolean.class, new TrueOrFalse(true));
        binder.registerCustomEditor(boolean.class, new TrueOrFalse(false));
    }

    static final class TrueOrFalse extends PropertyEditorSupport {

        private final boolean blankIsNull;

        TrueOrFalse(boolean blankIsNull) {
            this.blankIsNull = blankIsNull;
        }

        @Override
        public void setAsText(String text) {
            String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            switch (value) {
                case "true" -> setValue(Boolean.TRUE);
                case "false" -> setValue(Boolean.FALSE);
                default -> {
                    if (!value.isEmpty() || !blankIsNull) {
                        throw new IllegalArgumentException("must be true or false");
                    }
                    setValue(null);
                }
            }
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }
}
