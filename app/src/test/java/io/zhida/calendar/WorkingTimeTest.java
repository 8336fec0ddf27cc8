package io.zhida.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Office-hour arithmetic; the shipped 2025–2026 schedule itself is tested through the API in CalendarIT. */
class WorkingTimeTest {

    private final WorkingTime time = october2026();

    /** National Day 2026: Oct 1–7 off, Saturday Oct 10 worked. */
    private static WorkingTime october2026() {
        Map<LocalDate, WorkingTime.Day> days = new HashMap<>();
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), new WorkingTime.Day(LocalDate.of(2026, 10, d), false, "国庆节"));
        }
        days.put(LocalDate.of(2026, 10, 10), new WorkingTime.Day(LocalDate.of(2026, 10, 10), true, "国庆节调休上班"));
        return new WorkingTime(days, Set.of(2026));
    }

    private static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(WorkingTime.ZONE).toInstant();
    }

    @Test
    void oneWorkingHourFromLateAfternoonEndsNextWorkingMorning() {
        assertThat(time.addWorkingMinutes(at(9, 30, 17, 0), 60)).isEqualTo(at(10, 8, 9, 30));
    }

    @Test
    void lunchBreakAndEveningsDoNotCount() {
        assertThat(time.addWorkingMinutes(at(10, 9, 11, 30), 60)).isEqualTo(at(10, 9, 14, 0));
        assertThat(time.addWorkingMinutes(at(10, 9, 20, 0), 60)).isEqualTo(at(10, 10, 10, 0)); // Saturday 10 is worked
        assertThat(time.workingMinutesBetween(at(10, 9, 11, 30), at(10, 9, 14, 0))).isEqualTo(60);
        assertThat(time.workingMinutesBetween(at(9, 30, 17, 0), at(10, 8, 9, 30))).isEqualTo(60);
    }

    @Test
    void dayDeadlineIsCloseOfOfficeOnTheNthWorkingDay() {
        // submitted on Sept 30: working days after it are Oct 8, 9, 10 (Saturday, 调休), 12 …
        assertThat(time.dayDeadline(at(9, 30, 10, 0), 3)).isEqualTo(at(10, 10, 17, 30));
        assertThat(time.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(time.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12))).isEqualTo(4);
    }

    @Test
    void addingThenMeasuringGivesBackTheSameMinutesForRandomStarts() {
        Random random = new Random(20261121);
        for (int i = 0; i < 500; i++) {
            Instant start = at(9, 1, 0, 0).plusSeconds(random.nextInt(60 * 24 * 60) * 60L);
            int minutes = random.nextInt(10 * WorkingTime.MINUTES_PER_DAY);
            Instant end = time.addWorkingMinutes(start, minutes);
            assertThat(time.workingMinutesBetween(start, end)).as("start %s + %d", start, minutes).isEqualTo(minutes);
            assertThat(end).isAfterOrEqualTo(start);
        }
    }

    @Test
    void aYearWithoutScheduleCountsMondayToFriday() {
        assertThat(time.hasSchedule(2027)).isFalse();
        assertThat(time.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue(); // a Friday; no holidays entered for 2027
        assertThat(time.isWorkingDay(LocalDate.of(2027, 1, 2))).isFalse();
    }
}
