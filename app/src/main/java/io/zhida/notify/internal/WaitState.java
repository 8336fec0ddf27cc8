package io.zhida.notify.internal;

/** Where an outgoing SMS or e-mail stands, and why it has not gone yet. */
public enum WaitState {
    DUE("待发送", "按每分钟发送速率依次发出"),
    QUIET("静默时段", "静默时段内不发送，时段结束后发出"),
    OVER_QUOTA("超出当日配额", "当日配额已用完，次日发出"),
    RETRY("重试等待", "上次发送失败，稍后重试"),
    FAILED("发送失败", "已重试 5 次仍未成功，不再发送"),
    DELIVERED("已发送", "已交给短信或邮件服务商");

    private final String label;
    private final String reason;

    WaitState(String label, String reason) {
        this.label = label;
        this.reason = reason;
    }

    public String label() {
        return label;
    }

    public String reason() {
        return reason;
    }
}
