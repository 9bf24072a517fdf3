/**
 * Cluster nodes (origin and edges) sharing one database: this node's settings ({@link
 * org.tributary.ejb.cluster.ClusterSettings}), its heartbeat ({@link org.tributary.ejb.cluster.ClusterHeartbeat}: its
 * row of {@code cluster_node}, written and judged by the database's clock, and the {@link org.tributary.api.ClusterView}
 * of the alive nodes handed to the adapter, which redirects and pulls by it), the commands nodes leave each other in
 * {@code cluster_command} (ending a session of another node; on the origin, running a relay or channel changed on an
edge as stored, from the {@link org.tributary.ejb.adapter.StoredDefinitionChanged} events {@link
org.tributary.ejb.cluster.DefinitionChanges} observes), and {@link org.tributary.ejb.cluster.ClusterService}
 * for the console and the API.
 */
package org.tributary.ejb.cluster;
