package org.tributary.stream;

import org.tributary.catalog.CanonicalPath;
import org.tributary.catalog.MediaCatalog;
import org.tributary.sdp.Connection;
import org.tributary.sdp.MediaDescription;
import org.tributary.sdp.SdpLimits;
import org.tributary.sdp.SdpParser;
import org.tributary.sdp.SessionDescription;
import org.tributary.source.UnsupportedMediaException;
import org.tributary.transport.UdpEndpoint;
import org.tributary.transport.UdpReceivers;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Darwin's reflection of {@code .sdp} files: a file in the media folder that describes a live RTP source
 * (what {@code ffmpeg ... -f rtp rtp://239.1.1.1:5004 -sdp_file x.sdp} writes, a multicast group or this
 * server's own address) is a live stream players open by the file's name. The first reader starts it: the
 * ports the file names are opened (the group joined) and their RTP feeds a {@link Stream} registered at the
 * file's path; when no reader has watched it for the linger time it stops and the ports close.
 */
public final class SdpFileReflector implements PathRegistry.OnDemand {

    private static final Logger LOG = Logger.getLogger(SdpFileReflector.class.getName());

    private final PathRegistry paths;
    private final UdpReceivers receivers;
    private final InetAddress bindAddress;
    private final LongSupplier clock;
    private final Map<String, Reflection> running = new ConcurrentHashMap<>();
    private volatile int lingerSeconds;
    private volatile StreamLimits limits = StreamLimits.DEFAULT;

    /** One reflected file: its stream, the ports feeding it and since when no reader watched it. */
    private static final class Reflection {
        final Stream stream;
        final RtpIngest ingest;
        final List<UdpEndpoint.Registration> ports = new ArrayList<>();
        long unwatchedSinceNanos = -1;

        Reflection(Stream stream, RtpIngest ingest) {
            this.stream = stream;
            this.ingest = ingest;
        }
    }

    public SdpFileReflector(PathRegistry paths, UdpReceivers receivers, InetAddress bindAddress, int lingerSeconds,
                            LongSupplier clock) {
        this.paths = paths;
        this.receivers = receivers;
        this.bindAddress = bindAddress;
        this.lingerSeconds = lingerSeconds;
        this.clock = clock;
    }

    public void lingerSeconds(int seconds) {
        this.lingerSeconds = seconds;
    }

    /** Every path lookup comes here: anything but an existing {@code .sdp} file is answered without the lock. */
    @Override
    public Stream start(CanonicalPath canonical) throws UnsupportedMediaException {
        if (!canonical.path().toLowerCase(Locale.ROOT).endsWith(".sdp") || !canonical.exists() || canonical.real() == null) {
            return null;
        }
        return reflect(canonical);
    }

    private synchronized Stream reflect(CanonicalPath canonical) throws UnsupportedMediaException {
        String path = canonical.path();
        Reflection current = running.get(path);
        if (current != null) {
            return current.stream;
        }
        SessionDescription sdp = read(canonical);
        AnnouncedPresentation presentation;
        try {
            presentation = AnnouncedPresentation.of(sdp);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedMediaException(path + " describes no live source: " + e.getMessage());
        }
        Stream stream = new Stream(path, presentation.tracks(), limits, clock);
        Reflection reflection = new Reflection(stream, new RtpIngest(stream, presentation.keyFrames()));
        try {
            for (int track = 0; track < sdp.media().size(); track++) {
                reflection.ports.add(open(path, sdp, sdp.media().get(track), track, reflection));
            }
            paths.register(path, stream);
        } catch (UnsupportedMediaException | RuntimeException | MediaCatalog.MalformedPathException
                 | MediaCatalog.MediaForbiddenException e) {
            reflection.ports.forEach(UdpEndpoint.Registration::close);
            if (e instanceof UnsupportedMediaException unsupported) {
                throw unsupported;
            }
            LOG.log(Level.WARNING, "cannot reflect " + path, e);
            return null;
        }
        running.put(path, reflection);
        LOG.info("reflecting " + path + ": " + presentation.codecs() + " from " + describePorts(sdp));
        return stream;
    }

    private static SessionDescription read(CanonicalPath canonical) throws UnsupportedMediaException {
        try {
            if (Files.size(canonical.real()) > SdpLimits.MAX_BYTES) {
                throw new UnsupportedMediaException(canonical.path() + " is larger than " + SdpLimits.MAX_BYTES
                        + " bytes: not a session description");
            }
            return SdpParser.parse(Files.readString(canonical.real()));
        } catch (IOException | IllegalArgumentException e) {
            throw new UnsupportedMediaException(canonical.path() + " cannot be read as SDP: " + e.getMessage());
        }
    }

    private UdpEndpoint.Registration open(String path, SessionDescription sdp, MediaDescription media, int track,
                                          Reflection reflection) throws UnsupportedMediaException {
        if (media.port() == 0) {
            throw new UnsupportedMediaException(path + ": m=" + media.media() + " names no port, so it describes no"
                    + " live source");
        }
        Connection connection = media.connection() != null ? media.connection() : sdp.connection();
        InetAddress group = null;
        try {
            if (connection != null) {
                InetAddress address = InetAddress.getByName(connection.address().split("/")[0]);
                group = address.isMulticastAddress() ? address : null;
            }
            return receivers.open(bindAddress, media.port(), group, null, (datagram, from) -> {
                synchronized (reflection.ingest) {
                    reflection.ingest.write(track, datagram);
                }
            });
        } catch (IOException e) {
            throw new UnsupportedMediaException(path + ": cannot receive m=" + media.media() + " on "
                    + (group == null ? "port " : group.getHostAddress() + ":") + media.port() + ": " + e.getMessage());
        }
    }

    private static String describePorts(SessionDescription sdp) {
        List<String> ports = new ArrayList<>();
        for (MediaDescription media : sdp.media()) {
            Connection c = media.connection() != null ? media.connection() : sdp.connection();
            ports.add((c == null ? "" : c.address().split("/")[0] + ":") + media.port());
        }
        return String.join(", ", ports);
    }

    /** Once a second: stops the reflections nobody watched for the linger time. */
    public synchronized void tick() {
        long now = clock.getAsLong();
        for (Map.Entry<String, Reflection> entry : Map.copyOf(running).entrySet()) {
            Reflection reflection = entry.getValue();
            if (reflection.stream.readerCount() > 0) {
                reflection.unwatchedSinceNanos = -1;
            } else if (reflection.unwatchedSinceNanos < 0) {
                reflection.unwatchedSinceNanos = now;
            } else if (now - reflection.unwatchedSinceNanos >= lingerSeconds * 1_000_000_000L) {
                stop(entry.getKey(), "no viewer for " + lingerSeconds + " s");
            }
        }
    }

    private void stop(String path, String why) {
        Reflection reflection = running.remove(path);
        if (reflection == null) {
            return;
        }
        reflection.ports.forEach(UdpEndpoint.Registration::close);
        paths.unregister(path, reflection.stream);
        long packets;
        long lost;
        synchronized (reflection.ingest) {
            packets = reflection.ingest.packets();
            lost = reflection.ingest.lost();
        }
        LOG.info("stopped reflecting " + path + " (" + why + "): " + packets + " packets, " + lost + " lost");
    }

    /** Paths reflected now. */
    public int reflecting() {
        return running.size();
    }

    public synchronized void stopAll(String why) {
        for (String path : List.copyOf(running.keySet())) {
            stop(path, why);
        }
    }
}
