package io.zhida.enterprise;

import java.util.List;

/**
 * Profiles changed (import, API, correction, tags). {@code everything} means so many changed that
 * matching should start over instead of going enterprise by enterprise; then {@code usccs} is empty.
 */
public record EnterprisesChanged(List<String> usccs, boolean everything) implements io.zhida.platform.ClusterWide {

    public static final int ONE_BY_ONE_LIMIT = 5_000;

    public static EnterprisesChanged of(java.util.Collection<String> usccs) {
        return usccs.size() > ONE_BY_ONE_LIMIT ? new EnterprisesChanged(List.of(), true)
                : new EnterprisesChanged(List.copyOf(usccs), false);
    }
}
