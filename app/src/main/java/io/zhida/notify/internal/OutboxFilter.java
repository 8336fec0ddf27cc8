package io.zhida.notify.internal;

/**
 * What the 发件箱 list can be narrowed to. Waiting messages are one choice: whether one of them waits for the rate,
 * the quiet hours or tomorrow's quota depends on its place in the queue (see {@link Forecast}), not on its row.
 */
public enum OutboxFilter {
    WAITING("待发送（含静默时段、超出配额）"),
    RETRY("重试等待"),
    FAILED("发送失败"),
    DELIVERED("已发送");

    private final String label;

    OutboxFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
