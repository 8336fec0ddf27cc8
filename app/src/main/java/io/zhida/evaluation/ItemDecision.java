package io.zhida.evaluation;

import java.time.Instant;

/** The recorded end of an item's mid-term (MID) or after-term (AFTER) evaluation: CONTINUE, ADJUST or STOP. */
public record ItemDecision(long id, String itemCode, String stage, String decision, String basis, String reason, String decidedBy,
                           Instant decidedAt) {

    public String stageLabel() {
        return "MID".equals(stage) ? "事中评估" : "事后评估";
    }

    public String decisionLabel() {
        return switch (decision) {
            case "CONTINUE" -> "继续执行";
            case "ADJUST" -> "调整完善";
            default -> "停止执行";
        };
    }
}
