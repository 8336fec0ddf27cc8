package io.zhida.platform;

/**
 * A {@link ClusterWide} event that another node published, delivered on this node (within about a
 * second) so that it can refresh what it holds in memory. Never write shared state in reaction to one:
 * the node that made the change has done that.
 */
public record RemoteChange(Object event, int originNode) {

    public <T> java.util.Optional<T> as(Class<T> type) {
        return type.isInstance(event) ? java.util.Optional.of(type.cast(event)) : java.util.Optional.empty();
    }
}
