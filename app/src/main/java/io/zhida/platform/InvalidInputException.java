package io.zhida.platform;

import java.util.List;

/**
 * Input that breaks a business rule. Answered as 400 application/problem+json (API) or as a message
 * beside the field (UI), always naming the field.
 */
public class InvalidInputException extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "输入有误" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Field → its messages joined by "；", for showing each beside its form field. */
    public java.util.Map<String, String> messagesByField() {
        java.util.Map<String, String> byField = new java.util.LinkedHashMap<>();
        errors.forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + "；" + b));
        return byField;
    }
}
