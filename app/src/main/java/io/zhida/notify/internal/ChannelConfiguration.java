package io.zhida.notify.internal;

import io.zhida.notify.Channel;
import io.zhida.notify.MessageChannel;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS and e-mail providers by configuration: {@code zhida.notify.sms.url} / {@code zhida.notify.email.url}
 * (and optional {@code .token}) select an HTTP gateway; without them messages are recorded for the outbox page.
 * Each channel's rate, daily quota and quiet hours: {@link SendingLimits}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ChannelConfiguration {

    @Bean
    SendingLimits sendingLimits(Environment env) {
        return SendingLimits.from(env);
    }

    @Bean
    MessageChannel smsChannel(Environment env, JdbcClient jdbc, JsonMapper json) {
        return channel(Channel.SMS, "zhida.notify.sms", env, jdbc, json);
    }

    @Bean
    MessageChannel emailChannel(Environment env, JdbcClient jdbc, JsonMapper json) {
        return channel(Channel.EMAIL, "zhida.notify.email", env, jdbc, json);
    }

    private static MessageChannel channel(Channel channel, String prefix, Environment env, JdbcClient jdbc, JsonMapper json) {
        String url = env.getProperty(prefix + ".url", "");
        return url.isBlank() ? new RecordingChannel(channel, jdbc)
                : new HttpGatewayChannel(channel, URI.create(url), env.getProperty(prefix + ".token", ""), json);
    }
}
