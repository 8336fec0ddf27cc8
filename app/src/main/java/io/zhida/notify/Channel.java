package io.zhida.notify;

/** Ways a message leaves the platform besides the in-site inbox, which is always kept. */
public enum Channel {
    SMS("短信"),
    EMAIL("电子邮件");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
