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

    /** The username to record as the actor, or "system" for scheduled and start-up work. */
    public static String actor() {
        return get().map(ZhidaUser::getUsername).orElse(SYSTEM);
    }
}
