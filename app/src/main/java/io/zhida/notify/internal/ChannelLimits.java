package io.zhida.notify.internal;

import io.zhida.platform.Today;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How fast one channel may send: at most {@code perMinute} messages in a clock minute, {@code dailyQuota} in a
 * business day (Asia/Shanghai), and nothing during the quiet hours (which may run over midnight, e.g. 21:00-08:00).
 */
public record ChannelLimits(int perMinute, int dailyQuota, Optional<QuietHours> quietHours) {

    public ChannelLimits {
        if (perMinute < 1 || dailyQuota < 1) {
            throw new IllegalArgumentException("per-minute rate and daily quota must be at least 1");
        }
    }

    /** A daily span in local time: [start, end), over midnight when end is before start. */
    public record QuietHours(LocalTime start, LocalTime end) {

        public QuietHours {
            if (start.equals(end)) {
                throw new IllegalArgumentException("quiet hours must not start and end at the same time");
            }
        }

        /** "21:00-08:00"; blank means no quiet hours. */
        public static Optional<QuietHours> parse(String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            String[] parts = text.trim().split("\\s*-\\s*");
            try {
                if (parts.length == 2) {
                    return Optional.of(new QuietHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1])));
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw new IllegalArgumentException("quiet hours must look like 21:00-08:00, not '" + text + "'");
        }

        boolean contains(LocalTime t) {
            return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    public boolean quiet(Instant at) {
        return quietHours.isPresent() && quietHours.get().contains(local(at).toLocalTime());
    }

    /** When the quiet period that holds at this instant ends. */
    public Instant quietEnds(Instant at) {
        return next(at, quietHours.orElseThrow().end());
    }

    /** The next start of the quiet hours after this instant, if there are any. */
    public Optional<Instant> nextQuietStart(Instant at) {
        return quietHours.map(q -> next(at, q.start()));
    }

    public static Instant minuteOf(Instant at) {
        return at.truncatedTo(ChronoUnit.MINUTES);
    }

    /** The start of the business day this instant falls in. */
    public static Instant dayOf(Instant at) {
        return local(at).toLocalDate().atStartOfDay(Today.ZONE).toInstant();
    }

    public static Instant nextDay(Instant at) {
        return local(at).toLocalDate().plusDays(1).atStartOfDay(Today.ZONE).toInstant();
    }

    static LocalDate businessDate(Instant at) {
        return local(at).toLocalDate();
    }

    /** Clock minutes that [from, to) touches, counting the one {@code from} is in. */
    static long minutesTouched(Instant from, Instant to) {
        long seconds = Duration.between(minuteOf(from), to).toSeconds();
        return Math.max(1, (seconds + 59) / 60);
    }

    private static Instant next(Instant at, LocalTime time) {
        ZonedDateTime local = local(at);
        ZonedDateTime candidate = local.toLocalDate().atTime(time).atZone(Today.ZONE);
        return (candidate.isAfter(local) ? candidate : candidate.plusDays(1)).toInstant();
    }

    private static ZonedDateTime local(Instant at) {
        return at.atZone(Today.ZONE);
    }
}
