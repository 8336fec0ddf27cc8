package io.zhida.notify.internal;

import static io.zhida.notify.internal.ForecastTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhida.notify.Channel;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The per-channel limits as configured, with their defaults, and what is refused. */
class SendingLimitsTest {

    @Test
    void defaultsAreASmsContractsAndEmailAtAnyHour() {
        SendingLimits limits = SendingLimits.from(new MockEnvironment());
        assertThat(limits.of(Channel.SMS)).isEqualTo(new ChannelLimits(600, 100_000, ChannelLimits.QuietHours.parse("21:00-08:00")));
        assertThat(limits.of(Channel.EMAIL).quietHours()).isEmpty();
        assertThat(limits.of(Channel.EMAIL).perMinute()).isEqualTo(1_200);
    }

    @Test
    void eachChannelIsConfiguredOnItsOwn() {
        SendingLimits limits = SendingLimits.from(new MockEnvironment().withProperty("zhida.notify.sms.per-minute", "30")
                .withProperty("zhida.notify.sms.daily-quota", "5000").withProperty("zhida.notify.sms.quiet-hours", "")
                .withProperty("zhida.notify.email.quiet-hours", " 22:30 - 07:00 "));
        assertThat(limits.of(Channel.SMS)).isEqualTo(new ChannelLimits(30, 5000, java.util.Optional.empty()));
        assertThat(limits.of(Channel.EMAIL).quietHours()).contains(new ChannelLimits.QuietHours(LocalTime.of(22, 30), LocalTime.of(7, 0)));
    }

    @Test
    void nonsenseIsRefusedAtStartNamingTheProperty() {
        assertThatThrownBy(() -> SendingLimits.from(new MockEnvironment().withProperty("zhida.notify.sms.quiet-hours", "21-8")))
                .hasMessageContaining("zhida.notify.sms").hasMessageContaining("21:00-08:00");
        assertThatThrownBy(() -> SendingLimits.from(new MockEnvironment().withProperty("zhida.notify.email.per-minute", "0")))
                .hasMessageContaining("zhida.notify.email");
        assertThatThrownBy(() -> ChannelLimits.QuietHours.parse("08:00-08:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quietHoursOverMidnightIncludeTheirStartAndNotTheirEnd() {
        ChannelLimits sms = SendingLimits.from(new MockEnvironment()).of(Channel.SMS);
        assertThat(sms.quiet(at("2031-03-03T20:59:59"))).isFalse();
        assertThat(sms.quiet(at("2031-03-03T21:00:00"))).isTrue();
        assertThat(sms.quiet(at("2031-03-04T00:30:00"))).isTrue();
        assertThat(sms.quiet(at("2031-03-04T07:59:59"))).isTrue();
        assertThat(sms.quiet(at("2031-03-04T08:00:00"))).isFalse();
        assertThat(sms.quietEnds(at("2031-03-03T23:00:00"))).isEqualTo(at("2031-03-04T08:00:00"));
        assertThat(sms.quietEnds(at("2031-03-04T06:00:00"))).isEqualTo(at("2031-03-04T08:00:00"));
        assertThat(sms.nextQuietStart(at("2031-03-04T09:00:00"))).contains(at("2031-03-04T21:00:00"));
    }
}
