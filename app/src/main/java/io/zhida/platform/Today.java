package io.zhida.platform;

import java.time.LocalDate;
import java.time.ZoneId;

/** The business date: what day it is for the government that runs the platform. */
public final class Today {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Today() {
    }

    public static LocalDate date() {
        return LocalDate.now(ZONE);
    }
}
