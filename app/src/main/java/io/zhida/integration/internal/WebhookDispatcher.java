package io.zhida.integration.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. A delivery is claimed (its attempt counted, a lease taken) and committed before it is sent, so
 * two nodes never send it at once; a 2xx marks it delivered; anything else is tried again after 30 s, 1, 2, 4 … minutes,
 * and after {@value #MAX_ATTEMPTS} attempts it is marked failed for the subscriber to replay. Every attempt carries the
 * same {@code X-Zhida-Delivery} id: a sender that dies after the receiver got the request but before it could record
 * that sends it again when the lease ends, and the receiver knows it by that id.
 */
@Component
public class WebhookDispatcher {

    static final int MAX_ATTEMPTS = 8;
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

    private final WebhookRows rows;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean scheduled;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookDispatcher(WebhookRows rows, TransactionTemplate transaction, Clock clock,
                      @Value("${zhida.integration.webhooks.scheduled:true}") boolean scheduled) {
        this.rows = rows;
        this.transaction = transaction;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    @Scheduled(fixedDelayString = "${zhida.integration.webhooks.interval:PT5S}")
    void onSchedule() {
        if (scheduled) {
            dispatch(clock.instant());
        }
    }

    /** Sends what is due at {@code now}; returns how many were delivered. */
    public int dispatch(Instant now) {
        List<WebhookRows.Due> due = transaction.execute(status -> rows.claim(now, now.plus(LEASE), 50));
        int delivered = 0;
        for (WebhookRows.Due d : due) {
            delivered += send(d, now) ? 1 : 0;
        }
        return delivered;
    }

    private boolean send(WebhookRows.Due d, Instant now) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Zhida-Webhooks/1")
                    .header("X-Zhida-Event", d.eventType())
                    .header("X-Zhida-Delivery", d.deliveryId().toString())
                    .header("X-Zhida-Timestamp", String.valueOf(timestamp))
                    .header("X-Zhida-Signature", WebhookSignature.of(d.secret(), timestamp, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            rows.failed(d.id(), null, "地址无效：" + e.getMessage(), null);
            return false;
        }
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                rows.delivered(d.id(), response.statusCode(), clock.instant());
                return true;
            }
            rows.failed(d.id(), response.statusCode(), "接收方返回 HTTP " + response.statusCode(), retryAt(d.attempts(), now));
        } catch (java.io.IOException e) {
            rows.failed(d.id(), null, "无法送达：" + e.getClass().getSimpleName() + " " + e.getMessage(), retryAt(d.attempts(), now));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rows.failed(d.id(), null, "发送被中断", retryAt(d.attempts(), now));
        }
        log.info("Webhook {} to {} not delivered (attempt {})", d.deliveryId(), d.url(), d.attempts());
        return false;
    }

    /** 30 s after the first attempt, doubling; null (give up) after the last. */
    static Instant retryAt(int attempts, Instant now) {
        return attempts >= MAX_ATTEMPTS ? null : now.plus(FIRST_RETRY.multipliedBy(1L << (attempts - 1)));
    }
}
