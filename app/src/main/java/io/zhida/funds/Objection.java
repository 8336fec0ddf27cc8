package io.zhida.funds;

import java.math.BigDecimal;
import java.time.Instant;

/** 公示异议: anyone may object to a disclosed grant; finance upholds (grant withdrawn) or dismisses it. */
public record Objection(long id, long grantId, String enterpriseName, String itemName, BigDecimal amount, String name,
                        String contact, String reason, String status, String answer, String answeredBy, Instant createdAt,
                        Instant answeredAt) {

    public String statusLabel() {
        return switch (status) {
            case "OPEN" -> "待处理";
            case "UPHELD" -> "异议成立";
            default -> "异议不成立";
        };
    }
}
