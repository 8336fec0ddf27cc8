package io.zhida.monitoring;

import java.time.Instant;

/** The records of the monitoring points. */
public final class Monitoring {

    private Monitoring() {
    }

    public enum PointKind {
        CHAMBER("商会"), ASSOCIATION("行业协会"), ENTERPRISE("企业"), OUTSIDE("驻外办事机构");

        private final String label;

        PointKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A point with its activity: observations in the last 90 days and the last one. */
    public record Point(long id, String name, PointKind kind, String region, String supervisor, String contact, boolean active,
                        long recent, Instant lastObservation) {
    }

    public enum ObservationKind {
        OBSERVATION("监测意见"), COMPLAINT("投诉");

        private final String label;

        ObservationKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        SUBMITTED("待处理"), ACCEPTED("已转整改"), DISMISSED("已答复");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Observation(long id, long pointId, String pointName, String author, ObservationKind kind, String content, String departmentCode,
                              Status status, String reply, Long problemId, Instant createdAt) {
    }
}
