package io.zhida.notify.internal;

import io.zhida.platform.Today;
import java.time.Duration;
import java.time.Instant;

/**
 * When the queue of one channel will go out, given its limits and what it already sent this minute and today:
 * the message at position k (0 = next) is sent now if it fits this minute, else at the start of a later
 * minute, after the quiet hours, or on a later day once the quota is spent. The dispatcher follows the same
 * limits, so the forecast holds as long as nothing is queued ahead of the message (one-off notices go first).
 */
public record Forecast(ChannelLimits limits, Instant now, long sentThisMinute, long sentToday) {

    /** Why the message at this position waits. */
    public WaitState state(long position) {
        if (limits.quiet(now)) {
            return WaitState.QUIET;
        }
        Window first = window(now, sentThisMinute, sentToday);
        if (position < first.capacity) {
            return WaitState.DUE;
        }
        if (first.quotaLeft <= first.rateCapacity) {
            return WaitState.OVER_QUOTA;
        }
        return first.endsInQuiet ? WaitState.QUIET : WaitState.DUE;
    }

    /** When the message at this position is expected to go. */
    public Instant dueAt(long position) {
        Instant cursor = now;
        long minuteUsed = sentThisMinute;
        long dayUsed = sentToday;
        long k = position;
        boolean wholeDaysSkipped = false;
        while (true) {
            if (limits.quiet(cursor)) {
                Instant end = limits.quietEnds(cursor);
                if (!ChannelLimits.dayOf(end).equals(ChannelLimits.dayOf(cursor))) {
                    dayUsed = 0;
                }
                cursor = end;
                minuteUsed = 0;
            }
            if (!wholeDaysSkipped && dayUsed == 0 && cursor.equals(firstSendable(ChannelLimits.dayOf(cursor)))) {
                long perDay = dayCapacity(ChannelLimits.dayOf(cursor)); // the days ahead are all alike: skip those the queue fills
                long days = k / perDay;
                cursor = firstSendable(ChannelLimits.dayOf(cursor).atZone(Today.ZONE).plusDays(days).toInstant());
                k -= days * perDay;
                wholeDaysSkipped = true;
            }
            Window w = window(cursor, minuteUsed, dayUsed);
            if (k < w.capacity) {
                long minute = (k + minuteUsed) / limits.perMinute();
                return minute == 0 ? cursor : ChannelLimits.minuteOf(cursor).plus(Duration.ofMinutes(minute));
            }
            k -= w.capacity;
            dayUsed = w.end.equals(ChannelLimits.nextDay(cursor)) ? 0 : dayUsed + w.capacity;
            minuteUsed = 0;
            cursor = w.end;
        }
    }

    /** The first instant of this business day outside the quiet hours. */
    private Instant firstSendable(Instant dayStart) {
        return limits.quiet(dayStart) ? limits.quietEnds(dayStart) : dayStart;
    }

    /** How many a whole business day can send. */
    private long dayCapacity(Instant dayStart) {
        Instant dayEnd = ChannelLimits.nextDay(dayStart);
        Instant cursor = firstSendable(dayStart);
        long total = 0;
        while (cursor.isBefore(dayEnd)) {
            Window w = window(cursor, 0, total);
            total += w.capacity;
            cursor = w.end.isBefore(dayEnd) && limits.quiet(w.end) ? limits.quietEnds(w.end) : w.end;
        }
        return Math.max(1, total);
    }

    /** How many of a queue of this length are in each waiting state (DUE, QUIET, OVER_QUOTA). */
    public java.util.Map<WaitState, Long> counts(long queued) {
        java.util.Map<WaitState, Long> counts = new java.util.EnumMap<>(WaitState.class);
        counts.put(WaitState.DUE, 0L);
        counts.put(WaitState.QUIET, 0L);
        counts.put(WaitState.OVER_QUOTA, 0L);
        if (queued == 0) {
            return counts;
        }
        if (limits.quiet(now)) {
            counts.put(WaitState.QUIET, queued);
            return counts;
        }
        long due = Math.min(queued, window(now, sentThisMinute, sentToday).capacity);
        counts.put(WaitState.DUE, due);
        if (queued > due) {
            counts.merge(state(due), queued - due, Long::sum);
        }
        return counts;
    }

    /** The stretch from {@code from} to the next quiet hours or midnight, and how many it can still send. */
    private Window window(Instant from, long minuteUsed, long dayUsed) {
        Instant dayEnd = ChannelLimits.nextDay(from);
        Instant quietStart = limits.nextQuietStart(from).filter(s -> s.isBefore(dayEnd)).orElse(null);
        Instant end = quietStart == null ? dayEnd : quietStart;
        long rate = Math.max(0, limits.perMinute() * ChannelLimits.minutesTouched(from, end) - minuteUsed);
        long quota = Math.max(0, limits.dailyQuota() - dayUsed);
        return new Window(end, quietStart != null, rate, quota, Math.min(rate, quota));
    }

    private record Window(Instant end, boolean endsInQuiet, long rateCapacity, long quotaLeft, long capacity) {
    }
}
