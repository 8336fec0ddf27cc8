package io.zhida.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a web or API handler, and the data it reaches. Every controller handler needs one, on
 * the method or on its class (the method's wins); a handler without one is refused, whoever calls it.
 * The roles are enforced before the handler runs; the data scope names what the handler's own checks
 * apply to each record (only {@link DataScope#WHOLE_CITY} is also enforced up front).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AccessRule {

    /** Who may call: the roles listed (the default), any staff, any signed-in person, or anyone. */
    Audience audience() default Audience.ROLES;

    /** The roles that may call; required with {@link Audience#ROLES}, empty with the other audiences. */
    Role[] roles() default {};

    /** The data the handler shows or changes. */
    DataScope scope();

    /**
     * The scopes that admit a system client ({@link SystemClient}) to this handler; none by default, so no system
     * reaches a handler that was not written for it.
     */
    Scope[] scopes() default {};
}
