package io.zhida.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The platform's clock, in the business zone (Asia/Shanghai): the system's time, unless a test moves it to see
 * what happens "tomorrow" (time limits, validity periods, nightly jobs, deadlines). Services are given it as the
 * {@link Clock} bean; {@link Today} reads the same instance, so both always agree.
 */
public final class BusinessClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final BusinessClock INSTANCE = new BusinessClock();

    private volatile Clock current = Clock.system(ZONE);

    private BusinessClock() {
    }

    /** The one instance: the bean, and what {@link Today} reads. */
    public static BusinessClock current() {
        return INSTANCE;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.withZone(zone);
    }

    @Override
    public Instant instant() {
        return current.instant();
    }

    /** Stops the clock at an instant (tests only). */
    public void moveTo(Instant instant) {
        current = Clock.fixed(instant, ZONE);
    }

    /** Runs on another clock, e.g. one offset from the system's (tests only). */
    public void use(Clock clock) {
        current = clock.withZone(ZONE);
    }

    /** Back to the system's time. */
    public void reset() {
        current = Clock.system(ZONE);
    }
}
