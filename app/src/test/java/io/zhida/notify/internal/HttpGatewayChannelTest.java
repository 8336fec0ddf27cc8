package io.zhida.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.zhida.notify.Channel;
import io.zhida.notify.MessageChannel.Outgoing;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP gateway against a real local HTTP server: what it posts, and that a refusal is an error. */
class HttpGatewayChannelTest {

    HttpServer server;
    final List<String> received = new ArrayList<>();
    volatile int answer = 200;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsTheMessageWithItsIdAsIdempotencyKeyAndFailsOnARefusal() throws Exception {
        HttpGatewayChannel sms = new HttpGatewayChannel(Channel.SMS,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms"), "secret", JsonMapper.builder().build());
        sms.send(new Outgoing(42, Channel.SMS, "13800000000", "【惠企直达】测试"));
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).startsWith("zhida-sms-42 Bearer secret ").contains("\"to\":\"13800000000\"", "【惠企直达】测试");
        answer = 503;
        assertThatThrownBy(() -> sms.send(new Outgoing(43, Channel.SMS, "13800000000", "x"))).hasMessageContaining("503");
    }
}
