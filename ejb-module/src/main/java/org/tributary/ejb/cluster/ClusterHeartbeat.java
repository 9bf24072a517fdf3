package org.tributary.ejb.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.tributary.api.AdapterStatistics;
import org.tributary.api.LivePaths;
import org.tributary.api.SessionInfo;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.ejb.channels.ChannelService;
import org.tributary.ejb.relays.RelayService;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A cluster node's heartbeat (only when {@link ClusterSettings#clustered()}): every {@code heartbeat-seconds} it
 * reads its adapter, writes its row of the shared table with the database's time, reads every row back, hands the
 * adapter the view of the alive nodes, and runs the commands other nodes left for it (ending a session; on the origin,
 * running a relay or channel changed on an edge as stored). A clean stop deletes its row,
 * so the others see it leave at once; a crash is seen after {@code dead-after-seconds}.
 * <p>
 * No transaction around a beat: each database step is a transaction of its own ({@link ClusterNodes},
 * {@link ClusterCommands}), so a failed step neither takes the timer with it nor holds a transaction while the
 * adapter is asked. An adapter or a database that does not answer is one WARNING per outage; the next beat tries
 * again. A node whose adapter does not answer writes no heartbeat, so the others take it for dead.
 */
@Singleton
@Startup
@DependsOn("SettingsAtStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterHeartbeat {

    private static final Logger LOG = Logger.getLogger(ClusterHeartbeat.class.getName());
    private static final int HOUSEKEEPING_SECONDS = 60;

    @EJB
    private AdapterClient adapter;

    @EJB
    private ClusterNodes nodes;

    @EJB
    private ClusterCommands commands;

    @EJB
    private RelayService relays;

    @EJB
    private ChannelService channels;

    @Resource
    private TimerService timers;

    private final Membership membership = new Membership();
    private final Outage adapterOutage = new Outage("the streaming adapter",
            "this node writes no heartbeat, so the other nodes take it for dead until it answers again");
    private final Outage databaseOutage = new Outage("the database", "the cluster view is not renewed");
    private ClusterSettings settings;
    private CommandRunner runner;
    private String address;
    private long beats;
    private boolean written;

    @PostConstruct
    void start() {
        settings = ClusterSettings.current();
        if (!settings.clustered()) {
            return;
        }
        runner = new CommandRunner(settings.role().runsRelaysAndChannels(), adapter::closeSession, relays::resync,
                channels::resync);
        long every = settings.heartbeatSeconds() * 1000L;
        timers.createIntervalTimer(every, every, new TimerConfig("cluster heartbeat", false));
    }

    @Timeout
    void beat() {
        NodeReport report;
        try {
            report = report();
        } catch (AdapterClient.AdapterUnavailableException e) {
            adapterOutage.failed(e.getMessage());
            return;
        }
        ClusterNodes.Snapshot snapshot;
        try {
            snapshot = nodes.beat(report, settings.deadAfterSeconds(), !written);
            written = true;
            databaseOutage.answered();
        } catch (RuntimeException e) {
            databaseOutage.failed(rootMessage(e));
            return;
        }
        membership.changes(snapshot.nodes()).forEach(LOG::info);
        try {
            adapter.applyClusterView(ClusterViews.of(settings, snapshot.nodes()));
            adapterOutage.answered();
        } catch (AdapterClient.AdapterUnavailableException e) {
            adapterOutage.failed(e.getMessage());
            return;
        }
        runCommands();
        if (++beats % Math.max(1, HOUSEKEEPING_SECONDS / settings.heartbeatSeconds()) == 0) {
            forgetOld();
        }
    }

    @PreDestroy
    void leave() {
        if (settings == null || !settings.clustered()) {
            return;
        }
        try {
            if (nodes.leave(settings.nodeName())) {
                LOG.info("cluster node " + settings.nodeName() + " left the cluster (stopped)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cluster row not deleted at stop; the others see this node dead soon", e);
        }
        try {
            adapter.applyClusterView(null);
        } catch (AdapterClient.AdapterUnavailableException | RuntimeException e) {
            LOG.log(Level.FINE, "the adapter is gone already; its cluster view expires by itself", e);
        }
    }

    /** What this node tells the others, from its adapter. */
    private NodeReport report() throws AdapterClient.AdapterUnavailableException {
        AdapterStatistics statistics = adapter.statistics();
        LivePaths paths = adapter.livePaths();
        List<SessionInfo> sessions = adapter.sessions();
        if (address == null) {
            address = settings.rtspAddress(adapter.status().rtspPort());
            LOG.info("cluster node " + settings.nodeName() + " (" + settings.roleLabel() + ") at " + address
                    + ", heartbeat every " + settings.heartbeatSeconds() + " s");
        }
        double cpu = statistics.processCpuLoad() < 0 ? -1 : Math.min(1, statistics.processCpuLoad());
        return new NodeReport(settings.nodeName(), settings.roleLabel(), address, statistics.activeSessions(),
                statistics.bitsPerSecond(), cpu, paths.originals(), paths.clusterCopies(), SessionsJson.write(sessions),
                sessions.size());
    }

    /**
     * Carries out the commands other nodes left for this one, oldest first, noting each outcome. An adapter that does
     * not answer leaves the rest pending for the next beat; a command that fails otherwise is noted done with why,
     * so it does not hold up those behind it.
     */
    private void runCommands() {
        try {
            for (ClusterCommands.Pending command : commands.pendingFor(settings.nodeName())) {
                CommandRunner.Done done;
                try {
                    done = runner.run(command);
                } catch (AdapterClient.AdapterUnavailableException | AdapterOfflineException e) {
                    adapterOutage.failed(e.getMessage());
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "cluster command " + command.id() + " (" + command.action() + ") failed", e);
                    done = new CommandRunner.Done("failed: " + rootMessage(e), "failed (see the WARNING above)");
                }
                commands.finish(command.id(), done.outcome());
                LOG.info("cluster command " + command.id() + " from " + command.requestedBy() + ": " + done.log());
            }
        } catch (RuntimeException e) {
            databaseOutage.failed(rootMessage(e));
        }
    }

    private void forgetOld() {
        try {
            int forgotten = nodes.forgetLongDead();
            int old = commands.forgetOld();
            if (forgotten > 0 || old > 0) {
                LOG.info("cluster: deleted " + forgotten + " row(s) of nodes dead for over an hour and " + old
                        + " command(s) older than an hour");
            }
        } catch (RuntimeException e) {
            databaseOutage.failed(rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** One WARNING when something stops answering, one INFO when it answers again. */
    private static final class Outage {

        private final String what;
        private final String consequence;
        private boolean down;

        Outage(String what, String consequence) {
            this.what = what;
            this.consequence = consequence;
        }

        void failed(String message) {
            if (!down) {
                down = true;
                LOG.warning("cluster heartbeat: " + what + " does not answer (" + message + "); " + consequence
                        + "; trying again every beat");
            }
        }

        void answered() {
            if (down) {
                down = false;
                LOG.info("cluster heartbeat: " + what + " answers again");
            }
        }
    }
}
