package io.zhida.integration.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Zhida-Signature: sha256=<hex>}, the HMAC-SHA256 with the subscription's secret of {@code <timestamp>.<body>}:
 * the timestamp (also sent as {@code X-Zhida-Timestamp}) is signed with the body, so a receiver that refuses old
 * timestamps cannot be replayed an old delivery.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String of(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
