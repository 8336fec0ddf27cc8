package io.zhida.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.platform.Today;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a queued message stands and when it goes, given the channel's rate, quota and quiet hours. */
class ForecastTest {

    static final ChannelLimits TEN_A_MINUTE_25_A_DAY_QUIET_AT_NIGHT =
            new ChannelLimits(10, 25, ChannelLimits.QuietHours.parse("21:00-08:00"));

    @Test
    void theRateSpreadsTheQueueOverMinutesAndTheQuotaOverDays() {
        Forecast f = new Forecast(TEN_A_MINUTE_25_A_DAY_QUIET_AT_NIGHT, at("2031-03-03T10:00:30"), 0, 0);
        assertThat(f.state(0)).isEqualTo(WaitState.DUE);
        assertThat(f.dueAt(9)).isEqualTo(at("2031-03-03T10:00:30"));
        assertThat(f.dueAt(10)).isEqualTo(at("2031-03-03T10:01:00"));
        assertThat(f.dueAt(24)).isEqualTo(at("2031-03-03T10:02:00"));
        assertThat(f.state(24)).isEqualTo(WaitState.DUE);
        assertThat(f.state(25)).isEqualTo(WaitState.OVER_QUOTA);
        assertThat(f.dueAt(25)).as("the next day, once its quiet hours end").isEqualTo(at("2031-03-04T08:00:00"));
        assertThat(f.dueAt(36)).isEqualTo(at("2031-03-04T08:01:00"));
        assertThat(f.dueAt(50)).isEqualTo(at("2031-03-05T08:00:00"));
        assertThat(f.counts(40)).isEqualTo(Map.of(WaitState.DUE, 25L, WaitState.QUIET, 0L, WaitState.OVER_QUOTA, 15L));
    }

    @Test
    void whatWasSentThisMinuteAndTodayCounts() {
        Forecast f = new Forecast(TEN_A_MINUTE_25_A_DAY_QUIET_AT_NIGHT, at("2031-03-03T10:00:10"), 7, 20);
        assertThat(f.dueAt(2)).isEqualTo(at("2031-03-03T10:00:10"));
        assertThat(f.dueAt(3)).isEqualTo(at("2031-03-03T10:01:00"));
        assertThat(f.state(4)).isEqualTo(WaitState.DUE);
        assertThat(f.state(5)).isEqualTo(WaitState.OVER_QUOTA);
        assertThat(f.dueAt(5)).isEqualTo(at("2031-03-04T08:00:00"));
        Forecast spent = new Forecast(TEN_A_MINUTE_25_A_DAY_QUIET_AT_NIGHT, at("2031-03-03T10:00:10"), 0, 25);
        assertThat(spent.counts(3)).containsEntry(WaitState.OVER_QUOTA, 3L).containsEntry(WaitState.DUE, 0L);
    }

    @Test
    void inQuietHoursEverythingWaitsForTheirEnd() {
        Forecast f = new Forecast(TEN_A_MINUTE_25_A_DAY_QUIET_AT_NIGHT, at("2031-03-03T22:30:00"), 0, 25);
        assertThat(f.state(0)).isEqualTo(WaitState.QUIET);
        assertThat(f.dueAt(0)).as("a new day's quota after midnight").isEqualTo(at("2031-03-04T08:00:00"));
        assertThat(f.dueAt(10)).isEqualTo(at("2031-03-04T08:01:00"));
        assertThat(f.counts(3)).containsEntry(WaitState.QUIET, 3L);
        Forecast morning = new Forecast(TEN_A_MINUTE_25_A_DAY_QUIET_AT_NIGHT, at("2031-03-04T07:59:59"), 0, 0);
        assertThat(morning.state(0)).isEqualTo(WaitState.QUIET);
        assertThat(morning.dueAt(0)).isEqualTo(at("2031-03-04T08:00:00"));
    }

    @Test
    void whatDoesNotFitBeforeTheQuietHoursWaitsForTheirEnd() {
        Forecast f = new Forecast(new ChannelLimits(10, 1000, ChannelLimits.QuietHours.parse("21:00-08:00")),
                at("2031-03-03T20:59:00"), 0, 0);
        assertThat(f.state(9)).isEqualTo(WaitState.DUE);
        assertThat(f.state(10)).isEqualTo(WaitState.QUIET);
        assertThat(f.dueAt(10)).isEqualTo(at("2031-03-04T08:00:00"));
        assertThat(f.counts(15)).containsEntry(WaitState.DUE, 10L).containsEntry(WaitState.QUIET, 5L);
    }

    @Test
    void withoutQuietHoursTheQueueRunsOnThroughMidnight() {
        Forecast f = new Forecast(new ChannelLimits(10, 1000, Optional.empty()), at("2031-03-03T23:59:00"), 0, 0);
        assertThat(f.dueAt(10)).isEqualTo(at("2031-03-04T00:00:00"));
        assertThat(f.state(10)).isEqualTo(WaitState.DUE);
        assertThat(f.counts(30)).containsEntry(WaitState.DUE, 30L);
    }

    @Test
    void aLongQueueIsForecastWithoutWalkingEveryDay() {
        Forecast f = new Forecast(new ChannelLimits(10, 100, ChannelLimits.QuietHours.parse("21:00-08:00")),
                at("2031-03-03T10:00:00"), 0, 0);
        assertThat(f.dueAt(1000)).isEqualTo(at("2031-03-13T08:00:00"));
        assertThat(f.dueAt(1015)).isEqualTo(at("2031-03-13T08:01:00"));
        Forecast onePerDay = new Forecast(new ChannelLimits(10, 1, ChannelLimits.QuietHours.parse("21:00-08:00")),
                at("2031-03-03T10:00:00"), 0, 1);
        assertThat(onePerDay.dueAt(1_000_000)).isEqualTo(LocalDateTime.parse("2031-03-04T08:00:00").plusDays(1_000_000)
                .atZone(Today.ZONE).toInstant());
    }

    @Test
    void quietHoursWithinADayKeepTheDaysCount() {
        Forecast f = new Forecast(new ChannelLimits(10, 25, ChannelLimits.QuietHours.parse("12:00-13:00")),
                at("2031-03-03T11:59:00"), 0, 10);
        assertThat(f.state(10)).isEqualTo(WaitState.QUIET);
        assertThat(f.dueAt(10)).isEqualTo(at("2031-03-03T13:00:00"));
        assertThat(f.dueAt(14)).isEqualTo(at("2031-03-03T13:00:00"));
        assertThat(f.dueAt(15)).as("25 a day: 10 before, 10 at 11:59, 5 at 13:00").isEqualTo(at("2031-03-04T00:00:00"));
    }

    static Instant at(String shanghaiLocal) {
        return LocalDateTime.parse(shanghaiLocal).atZone(Today.ZONE).toInstant();
    }
}
