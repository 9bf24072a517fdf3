package org.tributary.ejb.cluster;

import java.util.List;

/**
 * What a node tells the others at its heartbeat, read from its adapter.
 *
 * @param name          its node name
 * @param role          "origin" or "edge"
 * @param rtspAddress   "host:port" of its RTSP port
 * @param sessions      its sessions now
 * @param bitsPerSecond its outgoing rate now
 * @param cpuLoad       its process's CPU load, 0..1
 * @param originalPaths the live paths of its own sources
 * @param copyPaths     the live paths it pulls from other nodes
 * @param sessionsJson  its newest sessions ({@link SessionsJson})
 * @param sessionsTotal how many sessions it has in all
 */
record NodeReport(String name, String role, String rtspAddress, int sessions, long bitsPerSecond, double cpuLoad,
                  List<String> originalPaths, List<String> copyPaths, String sessionsJson, int sessionsTotal) {

    NodeReport {
        originalPaths = List.copyOf(originalPaths);
        copyPaths = List.copyOf(copyPaths);
    }
}
