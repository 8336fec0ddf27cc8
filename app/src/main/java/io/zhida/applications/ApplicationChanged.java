package io.zhida.applications;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An application entered a status ({@code from} is null for a new one). Published for every transition,
 * in the transaction that made it; the cockpit keeps its figures from these.
 */
public record ApplicationChanged(long applicationId, String uscc, String itemCode, Application.Status from, Application.Status to, Instant at,
                                 Instant submittedAt, BigDecimal approvedAmount) {
}
