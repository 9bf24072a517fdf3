package org.tributary.ejb.relays;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tributary.api.RelayInfo;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.ejb.adapter.ClusterRole;
import org.tributary.ejb.adapter.StoredDefinitionChanged;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The stored relays and the adapter that runs them. The database holds every definition (the source of truth);
 * the adapter runs what it is handed and forgets it at a restart. A definition is checked with
 * {@link RelayFields} ({@link IllegalArgumentException} otherwise, a 400 in the API), handed to the adapter, and
 * stored only when the adapter takes it (its refusal is a {@link RelayException}, and nothing is stored).
 * Passwords are stored as given, since the adapter sends them to the other server, and never returned.
 * On a cluster edge ({@link ClusterRole#EDGE}) definitions are stored but not handed to the adapter: the origin runs
 * the relays (from the database at its start) and edges pull their paths from it on demand. Each change an edge
 * stores fires a {@link StoredDefinitionChanged}, which reaches the origin at its next heartbeat ({@link #resync}).
 */
@Stateless
public class RelayService {

    private static final Logger LOG = Logger.getLogger(RelayService.class.getName());

    @PersistenceContext(unitName = "tributary")
    private EntityManager em;

    @EJB
    private AdapterClient adapter;

    @Inject
    private Event<StoredDefinitionChanged> changes;

    /**
     * What a create-or-replace did.
     *
     * @param relay   the relay now
     * @param created true when it was new
     */
    public record Saved(RelayStatus relay, boolean created) implements Serializable {
    }

    /**
     * What an import did.
     *
     * @param imported the names of the relays stored, in the file's order
     * @param problems why the others were not, each {@code relayconfig.xml:line: message}
     */
    public record Imported(List<String> imported, List<String> problems) implements Serializable {
        public Imported {
            imported = List.copyOf(imported);
            problems = List.copyOf(problems);
        }
    }

    /** Every stored relay with what the adapter runs of it, by name. */
    public List<RelayStatus> list() {
        Map<String, RelayInfo> running = running();
        return em.createNamedQuery(Relay.ALL, Relay.class).getResultList().stream()
                .map(r -> RelayStatus.of(r, running.get(r.getName()), onEdge())).toList();
    }

    /** One relay with its state now, or empty when there is none of that name. */
    public Optional<RelayStatus> find(String name) {
        return stored(name).map(r -> RelayStatus.of(r, running().get(name), onEdge()));
    }

    /** The stored definition without its password (no adapter needed), or empty. */
    public Optional<RelaySpec> definition(String name) {
        return stored(name).map(r -> r.spec().withPassword(null));
    }

    /** Whether a relay of that name has a password stored. */
    public boolean hasPassword(String name) {
        return stored(name).map(r -> r.spec().hasPassword()).orElse(false);
    }

    /**
     * Creates a relay or replaces the one of that name, and hands it to the adapter (which runs it, restarts it
     * with the new definition, or stops it when disabled). A null password keeps the stored one; an empty one
     * removes it.
     */
    public Saved put(RelaySpec spec) {
        Optional<Relay> existing = stored(spec.name());
        RelaySpec full = spec.password() == null && existing.isPresent()
                ? spec.withPassword(existing.get().spec().password()) : spec;
        checked(full);
        RelayInfo info = hand(full);
        Instant now = Instant.now();
        Relay relay;
        if (existing.isPresent()) {
            relay = existing.get();
            relay.define(full, now);
            LOG.info("relay " + spec.name() + " changed (" + describe(full) + ")");
        } else {
            relay = new Relay(full, now);
            em.persist(relay);
            LOG.info("relay " + spec.name() + " created (" + describe(full) + ")");
        }
        return new Saved(RelayStatus.of(relay, info, onEdge()), existing.isEmpty());
    }

    /** Enables (the adapter runs it) or disables (it stops, the definition stays) a relay. */
    public RelayStatus setEnabled(String name, boolean enabled) {
        Relay relay = existing(name);
        RelayInfo info = hand(relay.spec().withEnabled(enabled));
        relay.setEnabled(enabled, Instant.now());
        LOG.info("relay " + name + (enabled ? " enabled" : " disabled"));
        return RelayStatus.of(relay, info, onEdge());
    }

    /** Deletes a relay, stopping it in the adapter. @return false when there is none */
    public boolean delete(String name) {
        Optional<Relay> relay = stored(name);
        if (relay.isEmpty()) {
            return false;
        }
        remove(name);
        em.remove(relay.get());
        LOG.info("relay " + name + " deleted");
        return true;
    }

    /**
     * Imports a Darwin relayconfig.xml: each relay read whose fields are good and whose name is free is stored
     * and handed to the adapter; every other is a problem naming its line. Existing relays are not replaced.
     *
     * @throws DarwinRelayConfig.UnreadableException when the file is not a well-formed RELAY_CONFIG (nothing stored)
     */
    public Imported importDarwin(String xml, String fileName) throws DarwinRelayConfig.UnreadableException {
        DarwinRelayConfig.Parsed parsed = DarwinRelayConfig.read(xml, fileName);
        String file = fileName == null || fileName.isBlank() ? DarwinRelayConfig.FILE_NAME : fileName.strip();
        List<String> imported = new ArrayList<>();
        List<String> problems = new ArrayList<>(parsed.problems());
        for (DarwinRelayConfig.Entry entry : parsed.relays()) {
            RelaySpec spec = entry.spec();
            String at = file + ":" + entry.line() + ": relay '" + spec.name() + "': ";
            Map<String, String> fields = RelayFields.problems(spec);
            if (!fields.isEmpty()) {
                fields.forEach((field, message) -> problems.add(at + field + ": " + message));
                continue;
            }
            if (stored(spec.name()).isPresent() || imported.contains(spec.name())) {
                problems.add(at + "a relay of that name exists; not replaced");
                continue;
            }
            RelayInfo info;
            try {
                info = hand(spec);
            } catch (RelayException e) {
                problems.add(at + e.getMessage());
                continue;
            }
            em.persist(new Relay(spec, Instant.now()));
            imported.add(spec.name());
            LOG.info("relay " + spec.name() + " imported from " + file + " (" + describe(spec) + ")"
                    + (info == null ? "" : ", " + info.state()));
        }
        problems.sort(java.util.Comparator.comparingInt(RelayService::lineOf));
        return new Imported(imported, problems);
    }

    /**
     * At deployment: hands every enabled relay to the adapter (it forgets them at a restart). One the adapter
     * refuses is logged at WARNING with why, and the others go on.
     *
     * @return the names of the relays handed over
     */
    public List<String> runEnabled() {
        List<String> handed = new ArrayList<>();
        if (onEdge()) {
            ClusterRole.noteEdgeSkipsRelaysAndChannels(LOG);
            return handed;
        }
        for (Relay relay : em.createNamedQuery(Relay.ALL, Relay.class).getResultList()) {
            if (!relay.isEnabled()) {
                continue;
            }
            try {
                hand(relay.spec());
                handed.add(relay.getName());
            } catch (RelayException e) {
                LOG.warning("relay " + relay.getName() + " is enabled but was not run: " + e.getMessage());
            }
        }
        return handed;
    }

    /**
     * On the origin, for a change stored on an edge: hands the adapter the stored definition (a put replaces and
     * restarts it; a disabled one stops), or removes the relay when it is no longer stored.
     *
     * @return what was done, for the command's outcome
     * @throws AdapterOfflineException when the adapter does not answer (the command stays pending)
     */
    public String resync(String name) {
        Optional<Relay> relay = stored(name);
        if (relay.isEmpty()) {
            return "relay " + name + (remove(name) == null ? " is not stored and was not running" : " removed");
        }
        try {
            RelayInfo info = hand(relay.get().spec());
            return "relay " + name + " handed to the adapter" + (info == null ? "" : " (" + info.state() + ")");
        } catch (RelayException e) {
            return e.getMessage();
        }
    }

    /**
     * Puts a checked definition to the adapter; on a cluster edge nothing (null): the origin runs the relays, and is
     * told of the change once it is committed.
     */
    private RelayInfo hand(RelaySpec spec) {
        if (onEdge()) {
            changes.fire(StoredDefinitionChanged.relay(spec.name()));
            return null;
        }
        try {
            return adapter.putRelay(spec.definition());
        } catch (IllegalArgumentException e) {
            throw RelayException.refused(spec.name(), e.getMessage());
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    /** Stops and forgets a relay in the adapter (null when it did not run it); on a cluster edge tells the origin. */
    private RelayInfo remove(String name) {
        if (onEdge()) {
            changes.fire(StoredDefinitionChanged.relay(name));
            return null;
        }
        try {
            return adapter.removeRelay(name);
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    /** Whether this server is a cluster edge, whose adapter runs no configured relays. */
    private static boolean onEdge() {
        return !ClusterRole.current().runsRelaysAndChannels();
    }

    private static int lineOf(String problem) {
        String[] parts = problem.split(":", 3);
        try {
            return parts.length < 3 ? 0 : Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String describe(RelaySpec spec) {
        return spec.direction().name().toLowerCase(java.util.Locale.ROOT) + " " + spec.path() + " "
                + (spec.direction() == org.tributary.api.RelayDefinition.Direction.PULL ? "<- " : "-> ") + spec.url()
                + (spec.enabled() ? "" : ", disabled");
    }

    private static void checked(RelaySpec spec) {
        Map<String, String> problems = RelayFields.problems(spec);
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            throw new IllegalArgumentException(first.getKey() + ": " + first.getValue());
        }
    }

    private Map<String, RelayInfo> running() {
        try {
            return adapter.relays().stream().collect(Collectors.toMap(RelayInfo::name, Function.identity(), (a, b) -> a));
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    private Optional<Relay> stored(String name) {
        return em.createNamedQuery(Relay.BY_NAME, Relay.class).setParameter("name", name)
                .getResultList().stream().findFirst();
    }

    private Relay existing(String name) {
        return stored(name).orElseThrow(() -> RelayException.unknown(name));
    }
}
