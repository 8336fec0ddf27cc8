package io.zhida.funds;

import java.math.BigDecimal;
import java.time.Instant;

/** One 免申即享 run over one item, with its report. */
public record NoApplicationRun(long id, String itemCode, String itemName, String trigger, String actor, Instant startedAt,
                               Instant finishedAt, int granted, int skipped, int undetermined, BigDecimal totalAmount) {

    public boolean running() {
        return finishedAt == null;
    }

    public record Line(String uscc, String enterpriseName, String outcome, BigDecimal amount, String reason) {
        public String outcomeLabel() {
            return switch (outcome) {
                case "GRANTED" -> "已发放";
                case "SKIPPED" -> "未发放";
                default -> "待补充数据";
            };
        }
    }
}
