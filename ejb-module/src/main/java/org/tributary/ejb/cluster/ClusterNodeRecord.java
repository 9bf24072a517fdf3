package org.tributary.ejb.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A cluster node as it last reported itself at its heartbeat, one row per node in the shared database. Times are
 * the database's clock ({@link DatabaseClock}), so nodes on different machines compare them alike. Long texts are
 * plain character columns (not {@code @Lob}: a PostgreSQL large object per write, every few seconds, would pile up)
 * whose lengths fit both H2 (at most 1048576) and PostgreSQL.
 */
@Entity
@Table(name = "cluster_node")
@NamedQuery(name = ClusterNodeRecord.ALL, query = "select n from ClusterNodeRecord n order by n.name")
@NamedQuery(name = ClusterNodeRecord.DEAD_BEFORE, query = "delete from ClusterNodeRecord n where n.lastSeen < :cutoff")
public class ClusterNodeRecord {

    static final String ALL = "ClusterNodeRecord.all";
    static final String DEAD_BEFORE = "ClusterNodeRecord.deadBefore";
    static final int PATHS_LENGTH = 100_000;
    static final int SESSIONS_LENGTH = 1_000_000;

    @Id
    @Column(name = "name", length = 255)
    private String name;

    @Column(name = "role", nullable = false, length = 8)
    private String role;

    @Column(name = "rtsp_address", nullable = false, length = 300)
    private String rtspAddress;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(name = "sessions", nullable = false)
    private int sessions;

    @Column(name = "bits_per_second", nullable = false)
    private long bitsPerSecond;

    @Column(name = "cpu_load", nullable = false)
    private double cpuLoad;

    /** The live paths of its own sources, one a line. */
    @Column(name = "original_paths", length = PATHS_LENGTH)
    private String originalPaths;

    /** The live paths it pulls from other nodes, one a line. */
    @Column(name = "copy_paths", length = PATHS_LENGTH)
    private String copyPaths;

    /** Its newest live sessions as JSON ({@link SessionsJson}). */
    @Column(name = "sessions_json", length = SESSIONS_LENGTH)
    private String sessionsJson;

    /** How many sessions it had, of which sessionsJson holds the newest. */
    @Column(name = "sessions_total", nullable = false)
    private int sessionsTotal;

    protected ClusterNodeRecord() {
    }

    public ClusterNodeRecord(String name, Instant startedAt) {
        this.name = name;
        this.startedAt = startedAt;
    }

    /** Takes a heartbeat's report, seen at {@code now} (the database's clock). */
    void report(NodeReport report, Instant now) {
        role = report.role();
        rtspAddress = report.rtspAddress();
        sessions = report.sessions();
        bitsPerSecond = report.bitsPerSecond();
        cpuLoad = report.cpuLoad();
        originalPaths = lines(report.originalPaths(), PATHS_LENGTH);
        copyPaths = lines(report.copyPaths(), PATHS_LENGTH);
        sessionsJson = report.sessionsJson();
        sessionsTotal = report.sessionsTotal();
        lastSeen = now;
    }

    /** A node that crashed and started again within the hour finds its old row: its start is now. */
    void restarted(Instant now) {
        startedAt = now;
    }

    /** The paths one a line, as many whole lines as fit in {@code max} characters. */
    static String lines(List<String> paths, int max) {
        StringBuilder out = new StringBuilder();
        for (String path : paths) {
            if (out.length() + path.length() + 1 > max) {
                break;
            }
            out.append(out.isEmpty() ? "" : "\n").append(path);
        }
        return out.toString();
    }

    static List<String> paths(String lines) {
        return lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
    }

    public String getName() {
        return name;
    }

    public String getRole() {
        return role;
    }

    public String getRtspAddress() {
        return rtspAddress;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public int getSessions() {
        return sessions;
    }

    public long getBitsPerSecond() {
        return bitsPerSecond;
    }

    public double getCpuLoad() {
        return cpuLoad;
    }

    public List<String> getOriginalPaths() {
        return paths(originalPaths);
    }

    public List<String> getCopyPaths() {
        return paths(copyPaths);
    }

    public String getSessionsJson() {
        return sessionsJson;
    }

    public int getSessionsTotal() {
        return sessionsTotal;
    }
}
