package io.zhida.platform;

/**
 * Marks an event whose effect on a node's memory (an index, a cache, a compiled rule) every other node
 * must follow. Published as usual; {@link ClusterFeed} also writes it to PostgreSQL when the transaction
 * commits, and every other node republishes it locally wrapped in {@link RemoteChange}. Listeners that only
 * refresh memory listen to both; listeners that write (store results, send messages) listen to the
 * original event only, so cluster-wide work happens once, on the node where the change was made.
 */
public interface ClusterWide {
}
