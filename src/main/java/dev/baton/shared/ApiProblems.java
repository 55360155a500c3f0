package dev.baton.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 7807 problem details for every API error, with a message a person can act on and, for bad
 * input, an {@code errors} map naming each bad field. Services throw before writing anything, and
 * the transaction rolls back otherwise, so an error response means nothing changed.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.putIfAbsent(error.getField(), error.getDefaultMessage());
    }
    ex.getBindingResult().getGlobalErrors().forEach(e -> errors.putIfAbsent(e.getObjectName(), e.getDefaultMessage()));
    return ResponseEntity.badRequest().body(badInput(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Map<String, String> errors = new LinkedHashMap<>();
    ex.getParameterValidationResults()
        .forEach(
            r -> r.getResolvableErrors()
                .forEach(e -> errors.putIfAbsent(r.getMethodParameter().getParameterName(), e.getDefaultMessage())));
    return ResponseEntity.badRequest().body(badInput(errors));
  }

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException ex) {
    ProblemDetail problem = badInput(ex.getFieldErrors());
    problem.setDetail(ex.getMessage());
    return problem;
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail illegalArgument(IllegalArgumentException ex) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException ex) {
    return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException ex) {
    return problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
  }

  @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
  ProblemDetail staleUpdate(ObjectOptimisticLockingFailureException ex) {
    return problem(
        HttpStatus.CONFLICT, "Changed by someone else",
        "someone else changed this record at the same time; reload it and try again");
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail integrity(DataIntegrityViolationException ex) {
    log.debug("constraint violation", ex);
    return problem(
        HttpStatus.CONFLICT, "Conflicts with existing data",
        "the change conflicts with existing data (a duplicate or a reference that does not hold)");
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "File too large",
        "the file is over the upload limit (" + ex.getMaxUploadSize() + " bytes): split it into smaller files");
    problem.setProperty("errors", Map.of("file", problem.getDetail()));
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail denied(AccessDeniedException ex) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", "you are not allowed to do this");
  }

  private static ProblemDetail badInput(Map<String, String> errors) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors));
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String describe(Map<String, String> errors) {
    if (errors.isEmpty()) {
      return "the request is not valid";
    }
    StringBuilder sb = new StringBuilder();
    errors.forEach((field, message) -> sb.append(sb.isEmpty() ? "" : "; ").append(field).append(": ").append(message));
    return sb.toString();
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
