package dev.baton.web;

import dev.baton.shared.BadRequestException;
import dev.baton.shared.InputErrors;
import dev.baton.shared.ProblemErrorController;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What an error page (and Spring's /error answer) says. The framework's own text ("Failed to
 * convert value of type 'java.lang.String' to required type 'java.lang.Long'", "Validation failed
 * for object='registerParams'") becomes a sentence naming the parameter; a 5xx says nothing of its
 * cause. For a browser the page's attributes are {@code title} and {@code problem}: {@code message}
 * and {@code error} are the layout's success and failure banners, and would show the error twice.
 */
@Component
class ErrorPageAttributes extends ProblemErrorController.SafeErrorAttributes {

    static final String GENERIC = "This request is not valid.";

    /**
     * A form posted without the session's CSRF token: open since before the session expired (or since
     * a sign-in elsewhere), or not sent from Baton's page. Nothing was done; sending it again from a
     * reloaded page does it (probe 47: the page said "Forbidden" and to ask an admin for a role).
     */
    static final String EXPIRED_FORM = "the form had expired or was not sent from Baton's page, so nothing was done:"
            + " reload the page and send it again";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = new LinkedHashMap<>(super.getErrorAttributes(request, options));
        int status = attributes.get("status") instanceof Integer s ? s : 500;
        String readable = status >= 500 ? null : readable(getError(request), (String) attributes.get("message"));
        boolean expiredForm = status == 403
                && request.getAttribute(WebAttributes.ACCESS_DENIED_403, RequestAttributes.SCOPE_REQUEST)
                        instanceof CsrfException;
        if (expiredForm) {
            // not a missing role (Spring Security said only "Forbidden"): the form's token was not the session's
            readable = EXPIRED_FORM;
            attributes.put("message", EXPIRED_FORM);
            attributes.put("expiredForm", true);
        }
        if (accepts(request, "text/html")) {
            attributes.put("title", attributes.remove("error"));
            attributes.remove("message");
            attributes.put("problem", readable);
        }
        // the API's message is the safe one already (ProblemErrorController): field-named, no internals
        return attributes;
    }

    /** A sentence for the person who sent the request, never a class name. */
    static String readable(Throwable error, String message) {
        if (error instanceof MethodArgumentTypeMismatchException mismatch) {
            return "'" + shown(mismatch.getValue()) + "' is not a valid " + mismatch.getName()
                    + kind(mismatch.getRequiredType()) + ".";
        }
        if (error instanceof MissingServletRequestParameterException missing) {
            return missing.getParameterName() + " is missing.";
        }
        if (error instanceof BindingResult binding && binding.hasErrors()) {
            return binding.getFieldErrors().stream()
                    .map(ErrorPageAttributes::fieldMessage)
                    .distinct()
                    .collect(Collectors.joining(" "));
        }
        if (error instanceof BadRequestException bad && !bad.getFieldErrors().isEmpty()) {
            return InputErrors.listed(bad.getFieldErrors()).entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue() + ".")
                    .collect(Collectors.joining(" "));
        }
        if (message == null
                || message.isBlank()
                || message.contains("Failed to convert")
                || message.contains("Validation failed")
                || message.contains("java.")
                || message.contains("Exception")) {
            return error == null && (message == null || message.isBlank()) ? null : GENERIC;
        }
        return message;
    }

    /** A value as the person sent it: a parameter given more than once is a String[], shown as its values. */
    private static String shown(Object value) {
        if (value instanceof Object[] values) {
            return java.util.Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    private static String fieldMessage(FieldError e) {
        if (e.isBindingFailure()) {
            return "'" + shown(e.getRejectedValue()) + "' is not a valid " + e.getField() + ".";
        }
        return e.getField() + ": " + e.getDefaultMessage() + ".";
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return " (a number is expected)";
        }
        if (type.getName().startsWith("java.time")) {
            return " (a date like 2026-12-31 is expected)";
        }
        if (type.isEnum()) {
            return " (one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "))
                    + " is expected)";
        }
        return "";
    }

    private static boolean accepts(WebRequest request, String type) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(type);
    }
}
