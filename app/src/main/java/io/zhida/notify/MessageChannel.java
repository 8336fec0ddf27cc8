package io.zhida.notify;

/**
 * One outgoing channel (an SMS gateway, a mail service). The platform hands every message over once per
 * outbound id; a provider that sees the same id again must not send twice (it is the idempotency key), so
 * a crash between "sent" and "marked sent" never doubles a message.
 */
public interface MessageChannel {

    record Outgoing(long id, Channel channel, String address, String text) {
    }

    Channel channel();

    /** Hands the message to the provider; throws when the provider refused it or could not be reached. */
    void send(Outgoing message) throws Exception;
}
