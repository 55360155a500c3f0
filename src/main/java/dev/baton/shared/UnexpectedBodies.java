package dev.baton.shared;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;

/**
 * A body sent to an {@code /api/} write that reads none is a 400 at {@code body} ("this address takes no
 * body; send none"), not an answer that ignored it: {@code POST /api/contacts/{id}/champion} with {@code
 * {"champion":false}} made the contact champion, {@code POST /api/tasks/{id}/claim} with {@code
 * {"assignee":"rob"}} claimed the task for the caller, and {@code POST /api/accounts/{id}/handoff-to-cs} with
 * the malformed {@code {"a":} started a handoff (found by probe 40a). As {@link UnknownParameters} refuses a
 * query parameter such an address does not take, and read from its handler in the same way: a handler
 * reads a body when it takes a {@code @RequestBody}, a {@code @RequestPart}, an uploaded file or the raw
 * request ({@code HttpEntity}, {@code HttpServletRequest}, an {@code InputStream} or {@code Reader}: it may
 * read the body itself); one that takes request parameters takes them from a form body too ({@code
 * application/x-www-form-urlencoded}, {@code multipart/form-data}), but no other body.
 *
 * <p>No body is no body: none at all, {@code Content-Length: 0}, only whitespace, or an empty JSON object
 * {@code {}} (some clients send one with every POST; it asks for nothing, so nothing is ignored). Anything
 * else is refused, {@code null} and {@code []} too. Only {@code POST}, {@code PUT}, {@code PATCH} and {@code
 * DELETE}: a body on a read means nothing in HTTP. Pages are not checked: their forms post a {@code _csrf}
 * field to handlers that read no other.
 */
@Configuration(proxyBeanMethods = false)
class UnexpectedBodies extends ParameterCheck {

    private static final Set<String> CHECKED = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Longer than this is no empty body, whatever it holds ({@code {}} with a little whitespace fits). */
    private static final int EMPTY_AT_MOST = 64;

    @Override
    void check(HttpServletRequest request, Object handler) {
        if (!CHECKED.contains(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || !(handler instanceof HandlerMethod method)
                || readsBody(method)) {
            return;
        }
        DeclaredParameters declared = DeclaredParameters.of(method.getMethod());
        boolean form = form(request.getContentType());
        if (form && (declared.open() || !declared.names().isEmpty())) {
            return; // a form body is its request parameters, which UnknownParameters does not read
        }
        if (hasContent(request, form)) {
            throw new BadRequestException(
                    "body",
                    declared.names().isEmpty()
                            ? "this address takes no body; send none"
                            : "this address takes no body; send none, and give " + String.join(", ", declared.names())
                                    + " in the address");
        }
    }

    /** Whether the handler reads a body (or may: it takes the raw request). */
    private static boolean readsBody(HandlerMethod method) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(RequestBody.class)
                    || parameter.hasParameterAnnotation(RequestPart.class)
                    || HttpEntity.class.isAssignableFrom(type)
                    || ServletRequest.class.isAssignableFrom(type)
                    || WebRequest.class.isAssignableFrom(type)
                    || MultipartRequest.class.isAssignableFrom(type)
                    || InputStream.class.isAssignableFrom(type)
                    || Reader.class.isAssignableFrom(type)
                    || upload(parameter)) {
                return true;
            }
        }
        return false;
    }

    private static boolean upload(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        Class<?> element = Collection.class.isAssignableFrom(type)
                ? parameter.nested().getNestedParameterType()
                : type.isArray() ? type.getComponentType() : type;
        return MultipartFile.class.isAssignableFrom(element) || Part.class.isAssignableFrom(element);
    }

    private static boolean form(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_FORM_URLENCODED.includes(type) || "multipart".equals(type.getType());
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /**
     * Whether the request has a body that is more than whitespace or {@code {}}. A form's body was read into
     * the request's parameters already ({@link RequestLimits} asks for them), so its length or its fields tell.
     */
    private static boolean hasContent(HttpServletRequest request, boolean form) {
        long length = request.getContentLengthLong();
        if (length == 0) {
            return false;
        }
        if (form) {
            return length > 0 || fieldsBeyondTheQuery(request);
        }
        try {
            byte[] start = request.getInputStream().readNBytes(EMPTY_AT_MOST + 1);
            return start.length > EMPTY_AT_MOST || !empty(start);
        } catch (IOException unreadable) {
            return true; // a body that cannot be read is not an empty one
        }
    }

    private static boolean fieldsBeyondTheQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        Set<String> inQuery = query == null ? Set.of() : Set.copyOf(RepeatedParameters.names(query));
        return request.getParameterMap().keySet().stream().anyMatch(name -> !inQuery.contains(name));
    }

    /** Only JSON whitespace, around at most one {@code {}}. */
    private static boolean empty(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        return text.matches("[ \\t\\r\\n]*(\\{[ \\t\\r\\n]*}[ \\t\\r\\n]*)?");
    }
}
