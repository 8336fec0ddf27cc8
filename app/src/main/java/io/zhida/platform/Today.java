package io.zhida.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The business date for code that is not a bean (records, static helpers, scripts): the same clock as the
 * {@link Clock} bean that services are given ({@link BusinessClock}). A bean takes the {@code Clock} instead.
 */
public final class Today {

    public static final ZoneId ZONE = BusinessClock.ZONE;

    private Today() {
    }

    public static LocalDate date() {
        return LocalDate.now(BusinessClock.INSTANCE);
    }

    public static Instant now() {
        return BusinessClock.INSTANCE.instant();
    }

    /** Moves the business clock (tests only); {@link #reset()} returns to the system clock. */
    public static void useClock(Clock fixed) {
        BusinessClock.INSTANCE.use(fixed);
    }

    public static void reset() {
        BusinessClock.INSTANCE.reset();
    }
}
