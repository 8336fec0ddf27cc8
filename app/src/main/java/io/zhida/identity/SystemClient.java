package io.zhida.identity;

import java.util.Set;

/**
 * Another government system calling the API with a client-credentials token: the principal of its requests. It is
 * admitted only to handlers whose {@link AccessRule#scopes()} name a scope its token carries.
 */
public record SystemClient(long id, String clientId, String name, Set<Scope> scopes) {

    public SystemClient {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /** How audit entries and timelines name it. */
    public String actor() {
        return "client:" + clientId;
    }
}
