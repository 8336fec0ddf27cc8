package io.zhida.catalog;

import java.util.Arrays;
import java.util.Optional;

/** 办理方式: how an enterprise receives the benefit. */
public enum HandlingMode {
    NO_APPLICATION("免申即享"),
    INSTANT("即申即享"),
    COMMITMENT("承诺即享"),
    FULL_REVIEW("综合评审");

    private final String label;

    HandlingMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the Chinese label or the English name. */
    public static Optional<HandlingMode> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.label.equals(text) || m.name().equals(text)).findFirst();
    }
}
