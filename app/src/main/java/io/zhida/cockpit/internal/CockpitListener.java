package io.zhida.cockpit.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An application module listener (delivered after commit, again after a crash) of the cockpit's read model,
 * run on the cockpit's own single thread: its writes are serialised anyway, and waiting for that lock on the
 * shared executor would starve the inbox and the other modules' listeners during a province's first match.
 */
@Async(CockpitListener.EXECUTOR)
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface CockpitListener {

    String EXECUTOR = "cockpitEvents";
}
