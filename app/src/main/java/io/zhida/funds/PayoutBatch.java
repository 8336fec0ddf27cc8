package io.zhida.funds;

import java.math.BigDecimal;
import java.time.Instant;

/** 拨付批次: payment instructions sent to the bank together, settled by the bank's result file. */
public record PayoutBatch(long id, String number, String createdBy, Instant createdAt, Instant settledAt, long lines,
                          BigDecimal total, long paid, long failed, long pending) {

    /** A payment instruction in a batch. */
    public record Line(long id, long grantId, String uscc, String enterpriseName, String itemName, String period,
                       BigDecimal amount, String accountName, String bankName, String accountNo, String status,
                       String failureReason) {

        public String statusLabel() {
            return switch (status) {
                case "PAID" -> "已到账";
                case "FAILED" -> "失败";
                default -> "已发送";
            };
        }
    }

    /** What importing a bank result file did. */
    public record Settlement(int paid, int failed, int alreadySettled, java.util.List<String> problems) {
    }

    /** An enterprise whose payable grants wait because its account is held under another name than its registered one. */
    public record NameMismatch(String uscc, String registeredName, String accountName, int grants, java.math.BigDecimal amount) {
    }

    /** An enterprise whose payable grants wait for it to confirm a receiving account. */
    public record WaitingForAccount(String uscc, String enterpriseName, int grants, java.math.BigDecimal amount, java.time.Instant since,
                                    java.time.Instant lastReminded, int reminders) {
    }
}
