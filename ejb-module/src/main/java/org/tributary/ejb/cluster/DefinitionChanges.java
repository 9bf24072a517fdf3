package org.tributary.ejb.cluster;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.tributary.ejb.adapter.ClusterRole;
import org.tributary.ejb.adapter.StoredDefinitionChanged;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries a relay or channel changed on an edge to the origin, which runs them: once the change is committed (a
 * change rolled back sends nothing), one {@code RELAY_CHANGED} or {@code CHANNEL_CHANGED} command per alive origin,
 * run at its next heartbeat. With no origin alive nothing is sent: the origin hands its adapter every stored relay
 * and channel when it starts.
 * <p>
 * Not in a transaction: the observer runs after the change's transaction completed, and each command is its own
 * ({@link ClusterCommands}). A failure here cannot undo the change, so it is a WARNING naming what the origin missed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefinitionChanges {

    private static final Logger LOG = Logger.getLogger(DefinitionChanges.class.getName());

    @EJB
    private ClusterNodes nodes;

    @EJB
    private ClusterCommands commands;

    public void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoredDefinitionChanged change) {
        ClusterSettings settings = ClusterSettings.current();
        if (!settings.clustered()) {
            return;
        }
        try {
            List<String> origins = origins(nodes.snapshot(settings.deadAfterSeconds()).nodes());
            if (origins.isEmpty()) {
                LOG.warning("the origin is not running: " + change.describe() + " runs as stored when the origin starts");
                return;
            }
            for (String origin : origins) {
                long id = commands.requestChanged(origin, change, settings.nodeName());
                LOG.info(change.describe() + " changed on this edge: command " + id + " asks " + origin
                        + " to run it as stored at its next heartbeat");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, change.describe() + " is stored but the origin could not be told; it runs it as"
                    + " stored from its next start", e);
        }
    }

    /** The nodes that run the relays and channels and are alive now: the origin (one per cluster, see the docs). */
    static List<String> origins(List<NodeStatus> nodes) {
        return nodes.stream().filter(NodeStatus::alive).filter(n -> ClusterRole.ORIGIN.label().equals(n.role()))
                .map(NodeStatus::name).toList();
    }
}
