package io.zhida.notify.internal;

import io.zhida.notify.Channel;
import io.zhida.notify.MessageChannel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider reached over HTTP (the usual shape of government SMS platforms and mail relays): POSTs
 * {"id", "to", "text"} as JSON with the outbound id as Idempotency-Key; any 2xx is accepted.
 */
class HttpGatewayChannel implements MessageChannel {

    private final Channel channel;
    private final URI endpoint;
    private final String token;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpGatewayChannel(Channel channel, URI endpoint, String token, JsonMapper json) {
        this.channel = channel;
        this.endpoint = endpoint;
        this.token = token;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public void send(Outgoing message) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", "zhida-" + channel.name().toLowerCase() + "-" + message.id())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of(
                        "id", message.id(), "to", message.address(), "text", message.text()))));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(channel.label() + "网关拒绝：HTTP " + response.statusCode());
        }
    }
}
