package io.zhida.enterprise;

/** An administrator declared a new enterprise attribute: rules may now use it, the index must know it. */
public record AttributeDeclared(String name) implements io.zhida.platform.ClusterWide {
}
