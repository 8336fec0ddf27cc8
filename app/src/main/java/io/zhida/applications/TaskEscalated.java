package io.zhida.applications;

import java.time.Instant;

/** A time-limit task ran over and was escalated (督办); the rectification ledger records it as a problem. */
public record TaskEscalated(long taskId, long applicationId, String applicationNumber, String itemName, String enterpriseName,
                            String step, String departmentCode, Instant dueAt) {
}
