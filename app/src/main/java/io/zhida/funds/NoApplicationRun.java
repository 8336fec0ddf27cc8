package io.zhida.funds;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One 免申即享 run over one item: its plan (who would be granted, in which order, what the pool covers),
 * who confirmed it, and its report. Status: PLANNING → PREVIEW → QUEUED → RUNNING → DONE, or FAILED with
 * the reason, or DISCARDED (a preview not confirmed). Scheduled runs go from RUNNING straight to DONE.
 */
public record NoApplicationRun(long id, String itemCode, String itemName, String trigger, String actor, Instant startedAt,
                               Instant finishedAt, int granted, int skipped, int undetermined, BigDecimal totalAmount,
                               String status, String failure, String confirmedBy, Instant confirmedAt, int planned,
                               BigDecimal plannedAmount, BigDecimal poolAvailable, int leftOut, BigDecimal shortfall) {

    /** Every state a run can be in, in the order a run goes through them. */
    public static final java.util.List<String> STATUSES = java.util.List.of("PLANNING", "PREVIEW", "QUEUED", "RUNNING", "DONE", "FAILED",
            "DISCARDED");

    public boolean running() {
        return status.equals("PLANNING") || status.equals("QUEUED") || status.equals("RUNNING");
    }

    public boolean awaitingConfirmation() {
        return status.equals("PREVIEW");
    }

    public String statusLabel() {
        return label(status);
    }

    public static String label(String status) {
        return switch (status) {
            case "PLANNING" -> "正在预览";
            case "PREVIEW" -> "待确认";
            case "QUEUED" -> "已确认，排队中";
            case "RUNNING" -> "运行中";
            case "DONE" -> "已完成";
            case "FAILED" -> "失败";
            case "DISCARDED" -> "已放弃";
            default -> status;
        };
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

    /** One enterprise of the plan, in the order the run grants; covered: the pool as it stood at the preview reaches it. */
    public record PlanLine(int seq, String uscc, String enterpriseName, BigDecimal amount, boolean covered) {
    }
}
