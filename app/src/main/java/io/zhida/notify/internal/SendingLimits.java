package io.zhida.notify.internal;

import io.zhida.notify.Channel;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * The limits of every channel, from {@code zhida.notify.<channel>.per-minute}, {@code .daily-quota} and
 * {@code .quiet-hours} (blank for none). Defaults fit a city's SMS contract: 600 a minute, 100,000 a day,
 * nothing between 21:00 and 08:00; e-mail 1,200 a minute, 200,000 a day, any hour.
 */
public final class SendingLimits {

    private final Map<Channel, ChannelLimits> limits;

    public SendingLimits(Map<Channel, ChannelLimits> limits) {
        this.limits = new EnumMap<>(limits);
        for (Channel channel : Channel.values()) {
            if (!this.limits.containsKey(channel)) {
                throw new IllegalArgumentException("no limits for " + channel);
            }
        }
    }

    static SendingLimits from(Environment env) {
        Map<Channel, ChannelLimits> limits = new EnumMap<>(Channel.class);
        limits.put(Channel.SMS, read(env, "zhida.notify.sms", 600, 100_000, "21:00-08:00"));
        limits.put(Channel.EMAIL, read(env, "zhida.notify.email", 1_200, 200_000, ""));
        return new SendingLimits(limits);
    }

    public ChannelLimits of(Channel channel) {
        return limits.get(channel);
    }

    private static ChannelLimits read(Environment env, String prefix, int perMinute, int dailyQuota, String quietHours) {
        try {
            return new ChannelLimits(env.getProperty(prefix + ".per-minute", Integer.class, perMinute),
                    env.getProperty(prefix + ".daily-quota", Integer.class, dailyQuota),
                    ChannelLimits.QuietHours.parse(env.getProperty(prefix + ".quiet-hours", quietHours)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + ": " + e.getMessage(), e);
        }
    }
}
