package io.zhida.identity;

import java.util.Arrays;
import java.util.Optional;

/** What a system client may do through the API; an administrator grants scopes when registering it. */
public enum Scope {
    MATCHES_READ("matches:read", "读取企业匹配结果"),
    APPLICATIONS_READ("applications:read", "读取申报及其进度"),
    APPLICATIONS_WRITE("applications:write", "代企业提交申报"),
    GRANTS_READ("grants:read", "读取兑现和拨付"),
    PAYMENTS_WRITE("payments:write", "读取拨付批次、回传银行结果"),
    APPEALS_WRITE("appeals:write", "提交 12345 等渠道的企业诉求"),
    INSIGHT_READ("insight:read", "读取企业诉求热词与话题（全市）"),
    WEBHOOKS_MANAGE("webhooks:manage", "订阅事件推送");

    private final String value;
    private final String label;

    Scope(String value, String label) {
        this.value = value;
        this.label = label;
    }

    /** As OAuth2 writes it, e.g. {@code matches:read}; also how JSON writes it. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    public static Optional<Scope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
