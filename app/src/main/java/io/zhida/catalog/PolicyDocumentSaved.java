package io.zhida.catalog;

/** A policy document was created or changed. */
public record PolicyDocumentSaved(String number) implements io.zhida.platform.ClusterWide {
}
