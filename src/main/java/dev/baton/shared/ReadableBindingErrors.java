package dev.baton.shared;

import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A form value that cannot be converted (a typed date {@code 18.12.2026}, an id {@code abc}) is marked
 * at its field in words ({@link InputErrors#refused}) on every page's form. Spring's own message,
 * which the pages showed at the field, was the converter's ("Failed to convert property value of type
 * java.lang.String to required type java.time.LocalDate ... [@jakarta.validation.constraints.NotNull
 * ...]"; found by a probe). The API answers from the conversion itself ({@link InputErrors#ofBinding})
 * and is not changed by this.
 */
@ControllerAdvice
class ReadableBindingErrors {

    private static final Processor PROCESSOR = new Processor();

    @InitBinder
    void inWords(WebDataBinder binder) {
        binder.setBindingErrorProcessor(PROCESSOR);
    }

    /**
     * Spring's processor, with the field error's default message in words for a type mismatch. Baton
     * has no message bundle: the pages show that default message.
     */
    static final class Processor extends DefaultBindingErrorProcessor {

        @Override
        public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
            if (!(ex instanceof TypeMismatchException mismatch) || ex.getPropertyName() == null) {
                super.processPropertyAccessException(ex, bindingResult);
                return;
            }
            String field = ex.getPropertyName();
            Object rejected = ex.getValue();
            if (ObjectUtils.isArray(rejected)) {
                rejected = StringUtils.arrayToCommaDelimitedString(ObjectUtils.toObjectArray(rejected));
            }
            FieldError error = new FieldError(
                    bindingResult.getObjectName(),
                    field,
                    rejected,
                    true,
                    bindingResult.resolveMessageCodes(ex.getErrorCode(), field),
                    null, // no arguments: a message source would read the message as a MessageFormat, dropping its
                    // quotes
                    InputErrors.refused(mismatch));
            error.wrap(ex);
            bindingResult.addError(error);
        }
    }
}
