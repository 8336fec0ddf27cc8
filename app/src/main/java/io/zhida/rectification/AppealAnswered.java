package io.zhida.rectification;

import java.time.Instant;

/** A department answered an appeal; {@code sourceClient} is the system that handed it over, if one did. */
public record AppealAnswered(long appealId, String number, String uscc, String sourceClient, String sourceRef, String answer, Instant at) {
}
