package io.zhida.enterprise;

/** The owner department answered an enterprise's correction request; the enterprise is told. */
/** correctionId identifies the request, so a redelivered event is told once. */
public record CorrectionAnswered(long correctionId, String uscc, String attributeLabel, boolean accepted, String proposedValue, String answer) {
}
