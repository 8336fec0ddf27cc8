package io.zhida.catalog;

/** An item version went online (first publication or a revision). */
public record PolicyItemPublished(String code, int version) implements io.zhida.platform.ClusterWide {
}
