/**
 * The Cluster page: the cluster nodes sharing this server's database, their totals, each alive node's sessions,
 * and ending a session on any alive node (admins).
 */
package org.tributary.web.console.cluster;
