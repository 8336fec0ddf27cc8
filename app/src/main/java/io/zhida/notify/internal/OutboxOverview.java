package io.zhida.notify.internal;

import io.zhida.notify.Channel;
import io.zhida.notify.internal.OutboundRows.Backlog;
import io.zhida.notify.internal.OutboundRows.Sent;
import io.zhida.platform.Page;
import io.zhida.platform.PageQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The 发件箱 page's model: per channel its limits, what it sent, and how many wait for what; per message its state and when it goes. */
@Component
public class OutboxOverview {

    public record ChannelView(Channel channel, ChannelLimits limits, long sentThisMinute, long sentToday,
                              Map<WaitState, Long> counts) {

        public long waiting() {
            return counts.get(WaitState.DUE) + counts.get(WaitState.QUIET) + counts.get(WaitState.OVER_QUOTA)
                    + counts.get(WaitState.RETRY);
        }
    }

    /** dueAt: when it is expected to go (null once delivered or given up). */
    public record Row(Sent message, WaitState state, Instant dueAt) {
    }

    public record View(Instant at, List<ChannelView> channels, List<Row> rows) {
    }

    /** The page's model: the channels, and one page of the (filtered) messages with the pager's total. */
    public record PageView(Instant at, List<ChannelView> channels, Page<Row> page) {
    }

    private record Channels(List<ChannelView> views, Map<Channel, Forecast> forecasts) {
    }

    private final OutboundRows outbound;
    private final SendingLimits limits;

    OutboxOverview(OutboundRows outbound, SendingLimits limits) {
        this.outbound = outbound;
        this.limits = limits;
    }

    /** The channels and the latest {@code recent} messages. */
    public View at(Instant now, int recent) {
        Channels channels = channels(now);
        return new View(now, channels.views(), rows(outbound.recent(recent), now, channels.forecasts()));
    }

    /** The channels and one page of the messages of a channel and state (each optional), newest first. */
    public PageView page(Instant now, Channel channel, OutboxFilter filter, PageQuery query) {
        Channels channels = channels(now);
        Page<Sent> sent = outbound.listing(channel, filter, now).page(query);
        return new PageView(now, channels.views(), new Page<>(rows(sent.rows(), now, channels.forecasts()), sent.total(), query));
    }

    /** Every message of a channel and state (each optional), for the export. */
    public List<Row> all(Instant now, Channel channel, OutboxFilter filter) {
        return rows(outbound.listing(channel, filter, now).all(), now, channels(now).forecasts());
    }

    private Channels channels(Instant now) {
        Map<Channel, Forecast> forecasts = new EnumMap<>(Channel.class);
        List<ChannelView> channels = new ArrayList<>();
        Map<Channel, Backlog> backlog = outbound.backlog(now);
        for (Channel channel : Channel.values()) {
            Forecast forecast = new Forecast(limits.of(channel), now, outbound.sent(channel, "MINUTE", ChannelLimits.minuteOf(now)),
                    outbound.sent(channel, "DAY", ChannelLimits.dayOf(now)));
            forecasts.put(channel, forecast);
            Backlog b = backlog.get(channel);
            Map<WaitState, Long> counts = new EnumMap<>(WaitState.class);
            counts.putAll(forecast.counts(b.due()));
            counts.put(WaitState.RETRY, b.retrying());
            counts.put(WaitState.FAILED, b.failed());
            counts.put(WaitState.DELIVERED, b.delivered());
            channels.add(new ChannelView(channel, limits.of(channel), forecast.sentThisMinute(), forecast.sentToday(), counts));
        }
        return new Channels(channels, forecasts);
    }

    /** Each message with its state and when it is expected to go, from its place in its channel's queue. */
    private List<Row> rows(List<Sent> sent, Instant now, Map<Channel, Forecast> forecasts) {
        Map<Long, Long> positions = outbound.positions(sent.stream().filter(m -> m.deliveredAt() == null).map(Sent::id).toList(), now);
        List<Row> rows = new ArrayList<>(sent.size());
        for (Sent m : sent) {
            Long position = positions.get(m.id());
            if (m.deliveredAt() != null) {
                rows.add(new Row(m, WaitState.DELIVERED, null));
            } else if (m.attempts() >= OutboundRows.MAX_ATTEMPTS) {
                rows.add(new Row(m, WaitState.FAILED, null));
            } else if (position == null) {
                rows.add(new Row(m, m.attempts() > 0 ? WaitState.RETRY : WaitState.DUE, m.dueAt()));
            } else {
                Forecast forecast = forecasts.get(m.channel());
                rows.add(new Row(m, forecast.state(position), forecast.dueAt(position)));
            }
        }
        return rows;
    }
}
