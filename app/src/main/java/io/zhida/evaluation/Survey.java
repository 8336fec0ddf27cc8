package io.zhida.evaluation;

import java.time.Instant;
import java.util.List;

/** A questionnaire: for a campaign and optionally one policy item, with a quota of valid answers per county. */
public record Survey(long id, String title, Long campaignId, String itemCode, int quota, String status, String createdBy,
                     Instant createdAt, List<Question> questions) {

    public enum Kind {
        SINGLE("单选"), MULTIPLE("多选"), RATING("1–5 评分"), TEXT("文字");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** measure: AWARENESS (first option = "knew") or SATISFACTION (a RATING; 4–5 satisfied), or null. */
    public record Question(long id, int position, Kind kind, String text, List<String> options, String measure, boolean required) {
    }

    /** A question as the builder sends it. */
    public record NewQuestion(Kind kind, String text, List<String> options, String measure, boolean required) {
    }

    /** Answers collected so far in one county against the quota. */
    public record Progress(String region, String regionName, long answers, int quota) {
        public int percent() {
            return quota == 0 ? 100 : (int) Math.min(100, answers * 100 / quota);
        }
    }
}
