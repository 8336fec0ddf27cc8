package io.zhida.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A draft item open (or closed) for comments, with its comments and who was invited. */
public record Consultation(long id, String itemCode, String itemName, String draftText, LocalDate closesOn, String status,
                           String openedBy, Instant openedAt, String summary, int invitedEnterprises, List<String> invitedDepartments,
                           List<String> invitedContacts, List<Comment> comments) {

    public record Comment(long id, String authorName, String organisation, String authorKind, String body, Instant createdAt,
                          String verdict, String reason, String answeredBy) {

        public String verdictLabel() {
            return verdict == null ? "待答复" : switch (verdict) {
                case "ADOPTED" -> "采纳";
                case "PARTLY" -> "部分采纳";
                default -> "不采纳";
            };
        }
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    public long unanswered() {
        return comments.stream().filter(c -> c.verdict() == null).count();
    }
}
