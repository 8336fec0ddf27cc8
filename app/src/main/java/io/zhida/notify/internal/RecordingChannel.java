package io.zhida.notify.internal;

import io.zhida.notify.Channel;
import io.zhida.notify.MessageChannel;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default provider: records what would be sent in channel_record (shown on the outbox page) instead of
 * calling a gateway. Keyed by outbound id, so a retried hand-over records once.
 */
class RecordingChannel implements MessageChannel {

    private final Channel channel;
    private final JdbcClient jdbc;

    RecordingChannel(Channel channel, JdbcClient jdbc) {
        this.channel = channel;
        this.jdbc = jdbc;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public void send(Outgoing message) {
        jdbc.sql("INSERT INTO channel_record (outbound_id, channel, address, text) VALUES (:id, :c, :a, :t) ON CONFLICT DO NOTHING")
                .param("id", message.id()).param("c", channel.name()).param("a", message.address()).param("t", message.text())
                .update();
    }
}
