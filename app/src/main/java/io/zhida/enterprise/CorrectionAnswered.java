package io.zhida.enterprise;

/** The owner department answered an enterprise's correction request; the enterprise is told. */
public record CorrectionAnswered(String uscc, String attributeLabel, boolean accepted, String proposedValue, String answer) {
}
