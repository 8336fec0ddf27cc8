package io.zhida.applications;

import java.time.Instant;

/** 好差评: the enterprise rated a finished transaction, 1–5. */
public record ServiceRated(long applicationId, String uscc, String itemCode, int stars, Instant at) {
}
