package io.zhida.news;

import java.time.Instant;

/** One article of the news column; unpublished while {@code publishedAt} is null. */
public record Article(long id, Category category, String title, String summary, String body, String itemCode, Instant publishedAt,
                      String author, Instant createdAt, Instant updatedAt) {

    public enum Category {
        INTERPRETATION("政策解读"), WORK("工作动态"), NOTICE("通知公告");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean published() {
        return publishedAt != null;
    }

    /** What the author writes. */
    public record Draft(Category category, String title, String summary, String body, String itemCode) {
    }
}
