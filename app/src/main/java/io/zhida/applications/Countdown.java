package io.zhida.applications;

/**
 * A task's clock as the UI shows it: green, yellow once 80% of the allowed working time is used, red
 * when overdue; paused while the application is with the enterprise for 补正.
 */
public record Countdown(String colour, String text, int percentUsed) {

    public static Countdown of(long allowedMinutes, long usedMinutes, boolean paused, boolean done) {
        int percent = allowedMinutes <= 0 ? 100 : (int) Math.min(999, usedMinutes * 100 / allowedMinutes);
        if (done) {
            return new Countdown(usedMinutes > allowedMinutes ? "red" : "green",
                    (usedMinutes > allowedMinutes ? "超时办结，用时 " : "按时办结，用时 ") + duration(usedMinutes), percent);
        }
        if (paused) {
            return new Countdown("grey", "已暂停（补正中），已用 " + duration(usedMinutes), percent);
        }
        if (usedMinutes > allowedMinutes) {
            return new Countdown("red", "已超时 " + duration(usedMinutes - allowedMinutes), percent);
        }
        return new Countdown(percent >= 80 ? "yellow" : "green", "剩余 " + duration(allowedMinutes - usedMinutes), percent);
    }

    /** Working time as people say it: 7 working hours make a working day. */
    static String duration(long minutes) {
        long days = minutes / io.zhida.calendar.WorkingTime.MINUTES_PER_DAY;
        long rest = minutes % io.zhida.calendar.WorkingTime.MINUTES_PER_DAY;
        StringBuilder s = new StringBuilder();
        if (days > 0) {
            s.append(days).append(" 个工作日");
        }
        if (rest / 60 > 0) {
            s.append(rest / 60).append(" 小时");
        }
        if (rest % 60 > 0 || s.length() == 0) {
            s.append(rest % 60).append(" 分钟");
        }
        return s.toString();
    }
}
