package io.winloss.portal.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import io.winloss.portal.account.DuplicateEmail;
import io.winloss.search.InvalidQuery;

/** Maps the failures API users can act on to a status and a readable body, in one place. */
@RestControllerAdvice(annotations = ApiController.class)
@Order(1)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final DataSize bodyLimit;

    ApiErrors(@Value(BodyTooLarge.LIMIT) DataSize bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    record Errors(List<FieldError> errors) {
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Errors> invalid(InvalidInput e) {
        return ResponseEntity.badRequest().body(new Errors(e.errors()));
    }

    /** A search the index cannot read, such as an unbalanced quote: a 400 on {@code q} saying what is wrong. */
    @ExceptionHandler(InvalidQuery.class)
    ResponseEntity<Errors> invalidQuery(InvalidQuery e) {
        return ResponseEntity.badRequest().body(new Errors(List.of(new FieldError("q", e.reason()))));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Errors> unreadable(ServerWebInputException e) {
        String message = e.getReason() == null ? "request body is not readable" : e.getReason();
        return ResponseEntity.badRequest().body(new Errors(List.of(new FieldError("body", message))));
    }

    /**
     * A body beyond what the portal reads: a multipart part over its limit (a transcript far over 20 MB), refused while
     * it streams, or a JSON body over the in-memory limit ({@link BodyTooLarge#LIMIT}). Nothing is stored.
     */
    @ExceptionHandler(org.springframework.core.io.buffer.DataBufferLimitException.class)
    ResponseEntity<Errors> tooLarge(org.springframework.core.io.buffer.DataBufferLimitException e, ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        FieldError error = type != null && MediaType.MULTIPART_FORM_DATA.includes(type)
                ? new FieldError("file", "the upload is larger than the 20 MB a transcript may have")
                : new FieldError("body", BodyTooLarge.message(bodyLimit));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(new Errors(List.of(error)));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, String>> notFound(NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(DuplicateEmail.class)
    ResponseEntity<Map<String, String>> duplicate(DuplicateEmail e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Map<String, String>> conflict(Conflict e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
    }
}
