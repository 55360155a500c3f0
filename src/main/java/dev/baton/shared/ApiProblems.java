package dev.baton.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 7807 problem details for every API error, with a message a person can act on and, for bad
 * input, an {@code errors} map naming each bad field. Services throw before writing anything, and
 * the transaction rolls back otherwise, so an error response means nothing changed. Errors raised
 * before a controller is chosen (unknown path, 401, a body over the limit) are answered as problem
 * details by {@link ProblemErrorController}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    /** The title of every 400, whoever answers it (here, or {@link ProblemErrorController} before a controller). */
    static final String INVALID_REQUEST = "Invalid request";

    /**
     * The title of every 404, whoever answers it: "no account 9" here, an unknown path in {@link
     * ProblemErrorController} (which said "Not Found", the reason phrase, beside it).
     */
    static final String NOT_FOUND = "Not found";

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(badInput(InputErrors.ofBinding(ex.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getParameterValidationResults()
                .forEach(r -> r.getResolvableErrors()
                        .forEach(e ->
                                errors.putIfAbsent(r.getMethodParameter().getParameterName(), e.getDefaultMessage())));
        return ResponseEntity.badRequest().body(badInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        MediaType type = contentType(request);
        if (type != null && "multipart".equals(type.getType())) {
            // Tomcat read the body as parts (RequestLimits checks every parameter) and closed it: no
            // converter could read it anyway, so say so as for any other type a JSON endpoint does not take
            return handleHttpMediaTypeNotSupported(
                    new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON), null),
                    new HttpHeaders(),
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    request);
        }
        RequestLimits.BodyTooLarge tooLarge = RequestLimits.BodyTooLarge.in(ex);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", tooLarge.getMessage()));
        }
        return ResponseEntity.badRequest().body(badInput(InputErrors.ofJson(ex.getCause())));
    }

    /**
     * A body of a type the endpoint does not read: which type it sent and which it takes (Spring said only
     * "Content-Type 'text/plain;charset=UTF-8' is not supported.", probe 47), in the error page's words.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getBody();
        problem.setDetail(unsupported(ex));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** "Content-Type 'text/plain' is not accepted here (send application/json)": the types without wildcards. */
    static String unsupported(HttpMediaTypeNotSupportedException ex) {
        List<MediaType> concrete = ex.getSupportedMediaTypes().stream()
                .filter(MediaType::isConcrete)
                .map(MediaType::removeQualityValue)
                .toList();
        String sent = ex.getContentType() == null
                ? "a body without a Content-Type is"
                : "Content-Type '" + Text.clip(ex.getContentType().toString(), 100) + "' is";
        return concrete.isEmpty()
                ? sent + " not accepted here"
                : sent + " not accepted here (send "
                        + concrete.stream().map(MediaType::toString).distinct().collect(Collectors.joining(" or "))
                        + ")";
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        return ResponseEntity.badRequest().body(badInput(Map.of(name, InputErrors.expected(ex))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest().body(badInput(Map.of(ex.getParameterName(), "is required")));
    }

    /**
     * A multipart request without the file part an endpoint takes: named as a missing field (found by the
     * session 35 probe: an upload without {@code files} answered a bare "Bad Request").
     */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(badInput(Map.of(
                        ex.getRequestPartName(),
                        "is required: attach the file as the multipart part '" + ex.getRequestPartName() + "'")));
    }

    /** Every other Spring MVC error (405, 406, 415, ...): its status with a plain title and message. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getTitle() == null || status.value() == 404)) {
            problem.setTitle(
                    status.value() == 404
                            ? NOT_FOUND
                            : HttpStatus.valueOf(status.value()).getReasonPhrase());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException ex) {
        ProblemDetail problem = badInput(ex.getFieldErrors());
        problem.setDetail(Text.clip(ex.getMessage(), InputErrors.MAX_MESSAGE));
        ex.getProperties().forEach(problem::setProperty);
        return problem;
    }

    /** Bean validation run by the code itself: each violation under its field's name. */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException ex) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<?> v : ex.getConstraintViolations()) {
            String field = null;
            for (Path.Node node : v.getPropertyPath()) {
                field = node.getName();
            }
            errors.putIfAbsent(field == null ? "body" : field, Text.clip(v.getMessage(), InputErrors.MAX_MESSAGE));
        }
        return badInput(errors);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException ex) {
        return problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, Text.clip(ex.getMessage(), InputErrors.MAX_MESSAGE));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, Text.clip(ex.getMessage(), InputErrors.MAX_MESSAGE));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException ex) {
        ProblemDetail problem =
                problem(HttpStatus.CONFLICT, "Conflict", Text.clip(ex.getMessage(), InputErrors.MAX_MESSAGE));
        if (!ex.getFieldErrors().isEmpty()) {
            problem.setProperty("errors", ex.getFieldErrors());
        }
        return problem;
    }

    @ExceptionHandler(EngineUnavailableException.class)
    ResponseEntity<Object> engineUnavailable(EngineUnavailableException ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(EngineUnavailableException.RETRY_AFTER_SECONDS))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Engine unavailable", ex.getMessage()));
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail staleUpdate(ObjectOptimisticLockingFailureException ex) {
        return problem(
                HttpStatus.CONFLICT,
                "Changed by someone else",
                "someone else changed this record at the same time; reload it and try again");
    }

    /**
     * PostgreSQL broke a deadlock by rolling this request's transaction back, or a row lock could not be
     * had: nothing changed, and the same request again usually goes through (a change that moves many
     * rows retries itself first: {@link LockClashes}).
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ProblemDetail lockClash(PessimisticLockingFailureException ex) {
        log.info("lock clash answered 409: {}", ex.getMessage());
        return problem(
                HttpStatus.CONFLICT,
                "Changed by someone else",
                "other work was changing the same records at that moment, so nothing was changed; try again");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException ex) {
        log.debug("constraint violation", ex);
        return problem(
                HttpStatus.CONFLICT,
                "Conflicts with existing data",
                "the change conflicts with existing data (a duplicate or a reference that does not hold)");
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "File too large",
                "the file is over the upload limit (" + ex.getMaxUploadSize() + " bytes): split it into smaller files");
        problem.setProperty("errors", Map.of("file", problem.getDetail()));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    /** Says why when the code said why ("claim task 12 first"); Spring's role checks only say "Access Denied". */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", ProblemErrorController.denial(ex));
    }

    /** Anything else is Baton's fault: logged in full, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) throws Exception {
        if (ex instanceof ErrorResponse) {
            return handleException(ex, request);
        }
        log.error("unexpected error answering {}", request.getDescription(false), ex);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal error",
                        "Baton could not finish this request; try again in a moment"));
    }

    private static MediaType contentType(WebRequest request) {
        try {
            String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
            return header == null ? null : MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException unparsable) {
            return null;
        }
    }

    private static ProblemDetail badInput(Map<String, String> errors) {
        Map<String, String> listed = InputErrors.listed(errors);
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST, INVALID_REQUEST, InputErrors.describe(listed, "the request is not valid"));
        problem.setProperty("errors", listed);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
