package io.zhida.assistance;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** One request for help with an item, from the enterprise's ask (or the 专员's offer) to its rating. */
public record AssistanceRequest(long id, String number, String uscc, String enterpriseName, String region, String itemCode,
                                String itemName, Origin origin, String note, String contactPhone, Status status, String agent,
                                String dispatchedBy, Instant dispatchedAt, Instant acceptedAt, Instant preparedAt, Long applicationId,
                                String applicationNumber, Instant submittedAt, Instant closedAt, Integer stars, String ratingComment,
                                Instant ratedAt, String createdBy, Instant createdAt) {

    public enum Origin {
        ENTERPRISE("企业申请"), OFFERED("专员主动服务");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        OFFERED("待企业接受服务"), REQUESTED("待派单"), DISPATCHED("待专员接单"), PREPARING("专员准备材料中"), CONFIRMING("待企业确认提交"),
        SUBMITTED("已提交申报"), DONE("已办结"), DECLINED("企业未接受"), CANCELLED("已取消");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The workflow: every change is checked against this before it is written. */
        public Set<Status> next() {
            return switch (this) {
                case OFFERED -> EnumSet.of(PREPARING, DECLINED);
                case REQUESTED -> EnumSet.of(DISPATCHED, CANCELLED);
                case DISPATCHED -> EnumSet.of(PREPARING, REQUESTED, CANCELLED);
                case PREPARING -> EnumSet.of(CONFIRMING, CANCELLED);
                case CONFIRMING -> EnumSet.of(SUBMITTED, PREPARING, CANCELLED);
                case SUBMITTED -> EnumSet.of(DONE);
                case DONE, DECLINED, CANCELLED -> EnumSet.noneOf(Status.class);
            };
        }

        public boolean canMoveTo(Status to) {
            return next().contains(to);
        }

        /** Still being worked on: counts in a 专员's workload and blocks a second request for the item. */
        public boolean live() {
            return this == OFFERED || this == REQUESTED || this == DISPATCHED || this == PREPARING || this == CONFIRMING;
        }
    }

    /** The request may be rated by the enterprise: its application went in, and it has not rated yet. */
    public boolean rateable() {
        return (status == Status.SUBMITTED || status == Status.DONE) && stars == null;
    }

    /** A document the 专员 collected for one of the item's materials. */
    public record File(long id, String material, String fileName, String contentType, long size, String uploadedBy, Instant uploadedAt) {
    }

    /** One step on the request's timeline. */
    public record Event(Instant at, String actor, String step, String note) {
    }

    /** A 专员's figures for the centre. */
    public record AgentLoad(String agent, String name, long open, long submitted, long rated, Double stars, Double hoursToSubmit) {
    }
}
