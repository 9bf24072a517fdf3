/**
 * This server as a node of a Tributary cluster: the last {@code ClusterView} the EJB side handed over
 * ({@code CurrentView}), the live paths pulled on demand from the node that has them ({@code ClusterPulls}, the
 * {@code PathRegistry}'s last on-demand provider, over relays of its own), and the load-aware entry that redirects
 * a DESCRIBE to the least loaded edge ({@code ClusterEntry}, the server's {@code EntryRedirect}). Above
 * {@code relay}, beside {@code channel}; without a view every part of it stands aside.
 */
package org.tributary.cluster;
