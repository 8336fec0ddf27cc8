package io.zhida.retention;

import java.time.LocalDate;
import java.util.List;

/** One cleanup round and its entries, one per document that was in force when it opened. */
public record RetentionRound(long id, String title, LocalDate dueOn, String status, String openedBy, List<Entry> entries) {

    public static final List<String> OUTCOMES = List.of("CONTINUE", "MODIFY", "ABOLISH", "EXPIRED");

    public static String label(String outcome) {
        return outcome == null ? "待提出" : switch (outcome) {
            case "CONTINUE" -> "继续有效";
            case "MODIFY" -> "修改后保留";
            case "ABOLISH" -> "废止";
            default -> "宣布失效";
        };
    }

    public record Entry(long documentId, String number, String title, String issuer, String proposal, String proposalReason,
                        String proposedBy, Boolean legalAgrees, String legalOpinion, String legalBy, String outcome) {
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    public long undecided() {
        return entries.stream().filter(e -> e.outcome() == null).count();
    }
}
