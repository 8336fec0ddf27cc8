package io.zhida.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * Working-day and office-hour arithmetic over one snapshot of the schedule. Immutable, so the
 * calendar can swap in a new snapshot when an administrator edits a day.
 */
public final class WorkingTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Office hours: two sessions a day, 7 working hours. */
    static final LocalTime[][] SESSIONS = {
            {LocalTime.of(9, 0), LocalTime.of(12, 0)}, {LocalTime.of(13, 30), LocalTime.of(17, 30)}};
    public static final int MINUTES_PER_DAY = 420;

    /** A day the schedule lists: a holiday (working = false) or a make-up working day. */
    public record Day(LocalDate date, boolean working, String name) {
    }

    private final Map<LocalDate, Day> listed;
    private final Set<Integer> scheduledYears;

    public WorkingTime(Map<LocalDate, Day> listed, Set<Integer> scheduledYears) {
        this.listed = Map.copyOf(listed);
        this.scheduledYears = Set.copyOf(scheduledYears);
    }

    public boolean hasSchedule(int year) {
        return scheduledYears.contains(year);
    }

    public boolean isWorkingDay(LocalDate date) {
        Day day = listed.get(date);
        if (day != null) {
            return day.working();
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The holiday's or make-up day's name, null for an ordinary day. */
    public String nameOf(LocalDate date) {
        Day day = listed.get(date);
        return day == null ? null : day.name();
    }

    /** N working days counted from the day after {@code from}; 0 gives {@code from} itself. */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = from;
        for (int counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The deadline of an N-working-day limit started at {@code start}: close of office on the Nth working day. */
    public Instant dayDeadline(Instant start, int days) {
        LocalDate last = addWorkingDays(start.atZone(ZONE).toLocalDate(), days);
        return last.atTime(SESSIONS[1][1]).atZone(ZONE).toInstant();
    }

    /** The moment {@code minutes} office minutes after {@code start}. */
    public Instant addWorkingMinutes(Instant start, long minutes) {
        LocalDateTime t = start.atZone(ZONE).toLocalDateTime();
        long left = minutes;
        while (true) {
            LocalDate date = t.toLocalDate();
            if (isWorkingDay(date)) {
                for (LocalTime[] session : SESSIONS) {
                    LocalDateTime from = max(t, date.atTime(session[0]));
                    LocalDateTime until = date.atTime(session[1]);
                    if (from.isBefore(until)) {
                        long available = Duration.between(from, until).toMinutes();
                        if (left <= available) {
                            return from.plusMinutes(left).atZone(ZONE).toInstant();
                        }
                        left -= available;
                        t = until;
                    }
                }
            }
            t = date.plusDays(1).atStartOfDay();
        }
    }

    /** Office minutes between two moments; 0 when {@code to} is not after {@code from}. */
    public long workingMinutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        LocalDateTime start = from.atZone(ZONE).toLocalDateTime();
        LocalDateTime end = to.atZone(ZONE).toLocalDateTime();
        long total = 0;
        for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (LocalTime[] session : SESSIONS) {
                LocalDateTime a = max(start, date.atTime(session[0]));
                LocalDateTime b = min(end, date.atTime(session[1]));
                if (a.isBefore(b)) {
                    total += Duration.between(a, b).toMinutes();
                }
            }
        }
        return total;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
