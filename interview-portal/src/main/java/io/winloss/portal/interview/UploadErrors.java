package io.winloss.portal.interview;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.winloss.portal.web.ApiController;
import io.winloss.portal.web.FieldError;

/** An API upload over a size limit: 413 with the usual {@code {"errors":[{"field":"file","message"}]}}, naming the limit. */
@RestControllerAdvice(annotations = ApiController.class)
@Order(0)
class UploadErrors {

    record Errors(List<FieldError> errors) {
    }

    @ExceptionHandler(UploadTooLarge.class)
    ResponseEntity<Errors> tooLarge(UploadTooLarge e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(new Errors(List.of(new FieldError("file", e.getMessage()))));
    }
}
