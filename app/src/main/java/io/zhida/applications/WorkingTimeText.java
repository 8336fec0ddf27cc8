package io.zhida.applications;

import io.zhida.calendar.WorkingTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Moments as the UI and messages print them, in Beijing time. */
public final class WorkingTimeText {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingTime.ZONE);

    private WorkingTimeText() {
    }

    public static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
