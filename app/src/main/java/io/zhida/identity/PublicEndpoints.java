package io.zhida.identity;

import java.util.List;

/**
 * Request path patterns under /api/v1 that a module serves without login (the policy calculator,
 * the public policy search, the calendar). Declare one as a bean; security picks them all up.
 */
public record PublicEndpoints(List<String> patterns) {

    public PublicEndpoints(String... patterns) {
        this(List.of(patterns));
    }
}
