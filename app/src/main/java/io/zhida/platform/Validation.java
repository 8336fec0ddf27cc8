package io.zhida.platform;

import io.zhida.platform.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.List;

/** Collects every field error of one input, then throws them together, so a user fixes all at once. */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    public Validation require(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public Validation requireText(String value, String field, String label, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, label + "不能为空"));
        } else if (value.length() > maxLength) {
            errors.add(new FieldError(field, label + "不能超过" + maxLength + "个字符"));
        }
        return this;
    }

    /** Text that may be left out, but not longer than {@code maxLength} when given. */
    public Validation optionalText(String value, String field, String label, int maxLength) {
        if (value != null && value.length() > maxLength) {
            errors.add(new FieldError(field, label + "不能超过" + maxLength + "个字符"));
        }
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
