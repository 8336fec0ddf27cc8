package io.zhida.catalog;

import java.time.Instant;

/** A document's 合法性审查 by the justice department: PENDING, PASSED or REJECTED, with who decided and their opinion. */
public record LegalReview(long documentId, String documentNumber, String title, String issuer, String status, String reviewer,
                          Instant reviewedAt, String opinion) {

    public boolean passed() {
        return "PASSED".equals(status);
    }

    public String statusLabel() {
        return switch (status) {
            case "PASSED" -> "已通过合法性审查";
            case "REJECTED" -> "合法性审查未通过";
            default -> "待合法性审查";
        };
    }
}
