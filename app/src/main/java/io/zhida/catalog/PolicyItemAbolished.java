package io.zhida.catalog;

/** An item was abolished and must no longer be matched, applied for or paid. */
public record PolicyItemAbolished(String code) implements io.zhida.platform.ClusterWide {
}
