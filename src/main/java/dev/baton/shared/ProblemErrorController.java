package dev.baton.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The error page for whatever no controller answered (unknown path, 405 and 415 before a
 * controller is chosen, 401, a body over the limit, exceptions of the pages): a problem detail
 * ({@code application/problem+json}) for every client but a browser, which gets the error page.
 * Either way the message is plain: Baton's own messages and field-named input errors, never an
 * exception's text, SQL or a Java class name.
 */
public class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes attributes, ServerProperties server, List<ErrorViewResolver> resolvers) {
        super(attributes, server.getError(), resolvers);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        Map<String, Object> attributes = getErrorAttributes(
                request, ErrorAttributeOptions.defaults().including(ErrorAttributeOptions.Include.MESSAGE));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", attributes.getOrDefault("error", status.getReasonPhrase()));
        problem.put("status", status.value());
        problem.put("detail", attributes.get("message"));
        problem.put("instance", attributes.get("path"));
        if (attributes.get("errors") instanceof Map<?, ?> errors) {
            problem.put("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * A request for {@code /error} itself, not an error forwarded there, finds nothing: a 404 (Boot's own
     * status for it is a 500, titled "None"; found by probe 40a). An error forwarded here keeps its status.
     */
    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null
                ? HttpStatus.NOT_FOUND
                : super.getStatus(request);
    }

    /** Why access was denied when the code said so; Spring's role checks only say "Access Denied". */
    static String denial(AccessDeniedException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() || message.equals("Access Denied")
                ? "you are not allowed to do this"
                : Text.clip(message, InputErrors.MAX_MESSAGE);
    }

    /**
     * The error attributes with a safe {@code message} (and {@code errors} for bad input), for the API
     * and the pages. The web shell's {@code ErrorPageAttributes} extends it with the pages' wording and
     * is the application's one {@code ErrorAttributes} bean.
     */
    public static class SafeErrorAttributes extends DefaultErrorAttributes {

        @Override
        public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
            Map<String, Object> attributes =
                    super.getErrorAttributes(request, options.including(ErrorAttributeOptions.Include.MESSAGE));
            attributes.remove("exception");
            attributes.remove("trace");
            attributes.remove("errors");
            if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST) == null) {
                // /error asked for directly (Boot says status 999, "None"): there is nothing at this address
                attributes.put("status", HttpStatus.NOT_FOUND.value());
                if (request instanceof ServletWebRequest servlet) {
                    attributes.put("path", servlet.getRequest().getRequestURI());
                }
            }
            int status = attributes.get("status") instanceof Integer s ? s : 500;
            Throwable error = getError(request);
            while (error instanceof ServletException && error.getCause() != null) {
                error = error.getCause();
            }
            Map<String, String> errors = status != 400
                    ? Map.of()
                    : UnreadableMultipart.isUnreadable(error, request.getHeader(HttpHeaders.CONTENT_TYPE))
                            ? Map.of("body", UnreadableMultipart.reason(request.getHeader(HttpHeaders.CONTENT_TYPE)))
                            : InputErrors.listed(fieldErrors(error));
            if (!errors.isEmpty()) {
                attributes.put("errors", errors);
            }
            if (status == 400) {
                // as ApiProblems titles a 400: Spring Security's firewall (a NUL in a parameter) and a
                // page's tampered form reach this page, and said "Bad Request" beside it
                attributes.put("error", ApiProblems.INVALID_REQUEST);
            } else if (status == 404) {
                attributes.put("error", ApiProblems.NOT_FOUND); // as ApiProblems titles a 404 too
            }
            attributes.put(
                    "message",
                    errors.isEmpty()
                            ? message(error, status, (String) attributes.get("message"))
                            : InputErrors.describe(errors, ""));
            return attributes;
        }

        private static Map<String, String> fieldErrors(Throwable error) {
            return switch (error) {
                case BadRequestException bad -> bad.getFieldErrors();
                case BindException bind -> InputErrors.ofBinding(bind.getBindingResult());
                case TypeMismatchException type ->
                    Map.of(
                            type.getPropertyName() == null ? "parameter" : type.getPropertyName(),
                            InputErrors.expected(type));
                case MissingServletRequestParameterException missing ->
                    Map.of(missing.getParameterName(), "is required");
                case HttpMessageNotReadableException unreadable -> InputErrors.ofJson(unreadable.getCause());
                case null, default -> Map.of();
            };
        }

        private static String message(Throwable error, int status, String servletMessage) {
            if (status >= 500) {
                return "Baton could not finish this request; try again in a moment";
            }
            return switch (error) {
                case BadRequestException e -> Text.clip(e.getMessage(), InputErrors.MAX_MESSAGE);
                case ConflictException e -> Text.clip(e.getMessage(), InputErrors.MAX_MESSAGE);
                case NotFoundException e -> Text.clip(e.getMessage(), InputErrors.MAX_MESSAGE);
                case AccessDeniedException e -> denial(e);
                case HttpMediaTypeNotSupportedException e
                when !e.getSupportedMediaTypes().isEmpty() ->
                    "this content type is not accepted here (send "
                            + e.getSupportedMediaTypes().stream()
                                    .map(MediaType::toString)
                                    .collect(Collectors.joining(" or "))
                            + ")";
                case ResponseStatusException e
                when e.getReason() != null -> Text.clip(e.getReason(), InputErrors.MAX_MESSAGE);
                case null ->
                    servletMessage == null || servletMessage.isBlank() || servletMessage.equals("No message available")
                            ? generic(status)
                            : Text.clip(servletMessage, InputErrors.MAX_MESSAGE);
                default -> generic(status);
            };
        }

        private static String generic(int status) {
            return switch (status) {
                case 400 -> "the request is not valid";
                case 401 -> "sign in first";
                case 403 -> "you are not allowed to do this";
                case 404 -> "there is nothing at this address";
                case 405 -> "this address does not take this method";
                case 406 -> "no answer in an accepted format";
                case 413 -> "the request is too large";
                case 415 -> "this content type is not accepted here (send application/json)";
                default -> HttpStatus.valueOf(status).getReasonPhrase();
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        ProblemErrorController errorController(
                ErrorAttributes attributes, ServerProperties server, List<ErrorViewResolver> resolvers) {
            return new ProblemErrorController(attributes, server, resolvers);
        }
    }
}
