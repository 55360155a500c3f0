package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart body that cannot be read (no boundary in its Content-Type, parts cut short or not
 * separated by it) is the sender's mistake: a 400 naming {@code body}, through the error page, so
 * the API gets a problem detail and the pages a readable error page. Tomcat notes the failure when
 * {@link RequestLimits} first reads the parameters and Spring throws it when a controller's argument
 * reads a part ({@code spring.servlet.multipart.resolve-lazily}; resolved eagerly it would be thrown
 * before any controller is chosen, where no controller advice applies). A Content-Type Spring
 * cannot parse at all ({@code multipart/form-data; boundary=}) sent to an upload endpoint is the same
 * mistake, not a wrong content type: it is a 400 naming {@code body} too, where Spring's request
 * mapping would answer 415. Runs right after Spring Boot's {@code DefaultErrorAttributes} records the
 * exception, before the controller advice, whose catch-all would make it a 500. A body over the
 * upload limit is left to the 413 handlers.
 */
@Component
class UnreadableMultipart implements HandlerExceptionResolver, Ordered {

    static final String NO_BOUNDARY = "is not a readable multipart upload: its Content-Type names no boundary "
            + "(let the HTTP client set it, as a browser does for an upload form)";
    static final String MALFORMED = "is not a readable multipart upload: it is cut short or its parts are not "
            + "separated by the boundary its Content-Type names";

    /** The boundary parameter's value, read leniently (an empty one makes the Content-Type unparsable). */
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary\\s*=\\s*(\"[^\"]*\"|[^;\\s]*)");

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!isUnreadable(ex, request.getContentType())) {
            return null;
        }
        try {
            response.sendError(HttpStatus.BAD_REQUEST.value(), "body: " + reason(request.getContentType()));
        } catch (IOException gone) {
            return null; // the client has gone: nothing to answer
        }
        return new ModelAndView();
    }

    /**
     * Whether this error, for a request with this Content-Type, means its multipart body cannot be
     * read: Spring could not read the parts, or could not parse the multipart Content-Type sent to an
     * endpoint that takes uploads (which it would answer with 415).
     */
    static boolean isUnreadable(Throwable error, String contentType) {
        return switch (error) {
            case MaxUploadSizeExceededException tooLarge -> false;
            case MultipartException unreadable -> true;
            case HttpMediaTypeNotSupportedException unsupported ->
                unsupported.getContentType() == null // unparsable
                        && contentType != null
                        && contentType.regionMatches(true, 0, "multipart/", 0, "multipart/".length())
                        && unsupported.getSupportedMediaTypes().stream()
                                .anyMatch(type -> "multipart".equals(type.getType()));
            case null, default -> false;
        };
    }

    /** Why a multipart body with this Content-Type could not be read. */
    static String reason(String contentType) {
        if (contentType == null) {
            return MALFORMED;
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        return !boundary.find() || boundary.group(1).replace("\"", "").isBlank() ? NO_BOUNDARY : MALFORMED;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
