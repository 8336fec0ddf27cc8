package io.zhida.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The business date: what day it is for the government that runs the platform. The clock can be moved
 * (tests of what happens "tomorrow": the nightly re-match, validity periods, deadlines); it is the
 * system clock otherwise.
 */
public final class Today {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static volatile Clock clock = Clock.system(ZONE);

    private Today() {
    }

    public static LocalDate date() {
        return LocalDate.now(clock);
    }

    public static Instant now() {
        return clock.instant();
    }

    /** Moves the business clock (tests only); {@link #reset()} returns to the system clock. */
    public static void useClock(Clock fixed) {
        clock = fixed;
    }

    public static void reset() {
        clock = Clock.system(ZONE);
    }
}
