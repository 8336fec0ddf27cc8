package io.zhida.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person behind the current request, for services that record who did something. */
public final class CurrentUser {

    public static final String SYSTEM = "system";

    private CurrentUser() {
    }

    public static Optional<ZhidaUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ZhidaUser user ? Optional.of(user) : Optional.empty();
    }

    /** The system client behind the current API request, if it is one. */
    public static Optional<SystemClient> client() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SystemClient client ? Optional.of(client) : Optional.empty();
    }

    /** The username to record as the actor, "client:<id>" for a system client, or "system" for scheduled and start-up work. */
    public static String actor() {
        return get().map(ZhidaUser::getUsername).or(() -> client().map(SystemClient::actor)).orElse(SYSTEM);
    }
}
