package org.tributary.session;

import org.tributary.engine.PlaybackScheduler;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamSource;
import org.tributary.transport.MulticastRange;
import org.tributary.transport.MulticastSink;
import org.tributary.transport.RtpChannel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The multicast groups of running streams: the first multicast viewer of a stream gets it a group from the
 * range and starts ONE {@link MulticastFeed} to it (track i on base port + 2i); later viewers join that
 * feed. A viewer's tracks hold {@link #join member channels} that send nothing; when the last is closed,
 * or the stream ends ({@link #tick}), the feed stops and the group is free again.
 */
public final class MulticastGroups {

    private static final Logger LOG = Logger.getLogger(MulticastGroups.class.getName());

    /** How long a kept group is sent to without a viewer before it is freed (its SDP may be in a player's hands). */
    public static final int KEPT_UNWATCHED_SECONDS = 60;

    /** Where a stream is sent: the group, its base port and TTL, as a SETUP answer states them. */
    public record Group(InetAddress address, int basePort, int ttl) {
        public int rtpPort(int track) {
            return basePort + 2 * track;
        }
    }

    /** Why no group could be given: the range is used up, the stream has too many tracks, a socket failed. */
    public static final class NoGroupException extends Exception {
        public NoGroupException(String message) {
            super(message);
        }
    }

    private MulticastRange range;
    private int portFirst;
    private int portLast;
    private int ttl;
    private NetworkInterface outgoing;
    private final PlaybackScheduler engine;
    private final LongSupplier nanoTime;
    private final Map<Stream, Feed> feeds = new IdentityHashMap<>();
    private final Set<InetAddress> used = new HashSet<>();

    /**
     * @param portFirst the even base port of every group; tracks use it and the ports after it up to portLast
     * @param outgoing  the interface to send on, or null for the system's choice
     */
    public MulticastGroups(MulticastRange range, int portFirst, int portLast, int ttl, NetworkInterface outgoing,
                           PlaybackScheduler engine, LongSupplier nanoTime) {
        this.engine = engine;
        this.nanoTime = nanoTime;
        groupsFrom(range, portFirst, portLast);
        sendWith(ttl, outgoing);
    }

    /** Where groups allocated from now on come from; a stream already multicasting keeps its group and ports. */
    public synchronized void groupsFrom(MulticastRange range, int portFirst, int portLast) {
        if (portFirst % 2 != 0 || portLast <= portFirst) {
            throw new IllegalArgumentException("multicast ports " + portFirst + "-" + portLast
                    + " must start even and hold at least one RTP/RTCP pair");
        }
        this.range = range;
        this.portFirst = portFirst;
        this.portLast = portLast;
    }

    /**
     * How groups allocated from now on are sent; a stream already multicasting keeps its socket.
     *
     * @param outgoing the interface to send on, or null for the system's choice
     */
    public synchronized void sendWith(int ttl, NetworkInterface outgoing) {
        this.ttl = ttl;
        this.outgoing = outgoing;
    }

    /** The stream's feed, started (with a group taken) if it has none. Under this lock. */
    private Feed feedOf(StreamSource source) throws NoGroupException {
        Feed feed = feeds.get(source.stream());
        if (feed == null) {
            feed = start(source);
            feeds.put(source.stream(), feed);
        }
        return feed;
    }

    /**
     * Joins a viewer's track to the stream's feed, starting it (and taking a group) for the first one.
     *
     * @return the channel the viewer's track output holds; it sends nothing, closing it leaves the group
     */
    public synchronized Membership join(StreamSource source) throws NoGroupException {
        Stream stream = source.stream();
        Feed feed = feedOf(source);
        Membership member = new Membership(stream, feed.group);
        feed.members.add(member);
        return member;
    }

    /**
     * The stream's group, starting its feed if it has none, for a path that is multicast-only: its DESCRIBE
     * names the group before any viewer joins, so the feed then runs until the stream ends or has had no
     * viewer for {@link #KEPT_UNWATCHED_SECONDS} (so an on-demand source can still stop).
     */
    public synchronized Group keep(StreamSource source) throws NoGroupException {
        Feed feed = feedOf(source);
        feed.kept = true;
        if (feed.members.isEmpty()) {
            feed.unwatchedSinceNanos = nanoTime.getAsLong();
        }
        return feed.group;
    }

    /** The group the stream is sent to now, or null when it has none. */
    public synchronized Group groupOf(Stream stream) {
        Feed feed = feeds.get(stream);
        return feed == null ? null : feed.group;
    }

    /** Stops the feeds of streams that ended; called periodically. */
    public synchronized void tick() {
        feeds.entrySet().removeIf(e -> {
            if (e.getKey().ended()) {
                stop(e.getValue(), "the stream ended");
                return true;
            }
            Feed feed = e.getValue();
            if (feed.kept && feed.members.isEmpty()
                    && nanoTime.getAsLong() - feed.unwatchedSinceNanos >= KEPT_UNWATCHED_SECONDS * 1_000_000_000L) {
                stop(feed, "no viewer for " + KEPT_UNWATCHED_SECONDS + " s");
                return true;
            }
            return false;
        });
    }

    /** Streams sent to a group now. */
    public synchronized int feedCount() {
        return feeds.size();
    }

    /** Packets sent to the stream's group so far (one per packet of the stream, whatever the viewers), -1 when none. */
    public synchronized long packetsSent(Stream stream) {
        Feed feed = feeds.get(stream);
        return feed == null ? -1 : feed.sink.packetsSent();
    }

    /** Stops every feed (the server stops). */
    public synchronized void closeAll() {
        feeds.values().forEach(f -> stop(f, "server stopping"));
        feeds.clear();
    }

    private Feed start(StreamSource source) throws NoGroupException {
        int tracks = source.tracks().size();
        if (portFirst + 2 * tracks - 1 > portLast) {
            throw new NoGroupException(source.name() + " has " + tracks + " tracks: the multicast ports " + portFirst
                    + "-" + portLast + " hold " + (portLast - portFirst + 1) / 2 + " RTP/RTCP pairs");
        }
        InetAddress address = null;
        for (long i = 0; i < range.size() && address == null; i++) {
            InetAddress candidate = range.group(i);
            if (!used.contains(candidate)) {
                address = candidate;
            }
        }
        if (address == null) {
            throw new NoGroupException("every multicast group of " + range + " is in use (" + feeds.size()
                    + " streams): widen multicastRange");
        }
        MulticastSink sink;
        try {
            sink = new MulticastSink(new InetSocketAddress(address, portFirst), outgoing, ttl);
        } catch (IOException e) {
            throw new NoGroupException("cannot send to " + address.getHostAddress() + ": " + e.getMessage());
        }
        used.add(address);
        MulticastFeed feed = new MulticastFeed(source, sink, "tributary@" + address.getHostAddress(), nanoTime.getAsLong());
        engine.schedule(feed);
        LOG.info("multicast of " + source.name() + " to " + address.getHostAddress() + ":" + portFirst + " ttl " + ttl);
        return new Feed(new Group(address, portFirst, ttl), sink, feed);
    }

    private synchronized void leave(Membership member) {
        Feed feed = feeds.get(member.stream);
        if (feed != null && feed.members.remove(member) && feed.members.isEmpty()) {
            if (feed.kept) {
                feed.unwatchedSinceNanos = nanoTime.getAsLong();
            } else {
                feeds.remove(member.stream);
                stop(feed, "its last viewer left");
            }
        }
    }

    private void stop(Feed feed, String why) {
        feed.feed.close();
        try {
            feed.sink.close();
        } catch (IOException e) {
            LOG.fine("closing the multicast socket: " + e.getMessage());
        }
        used.remove(feed.group.address());
        LOG.info("multicast to " + feed.group.address().getHostAddress() + " stopped: " + why);
    }

    private static final class Feed {
        final Group group;
        final MulticastSink sink;
        final MulticastFeed feed;
        final Set<Membership> members = new HashSet<>();
        /** Started or named by a multicast-only path's DESCRIBE: it outlives its viewers, not its stream. */
        boolean kept;
        /** When a kept feed last had no viewer; meaningful while it has none. */
        long unwatchedSinceNanos;

        Feed(Group group, MulticastSink sink, MulticastFeed feed) {
            this.group = group;
            this.sink = sink;
            this.feed = feed;
        }
    }

    /** One viewer's track in a stream's group: a channel that sends nothing (the feed sends for everyone). */
    public final class Membership implements RtpChannel {
        private final Stream stream;
        private final Group group;

        private Membership(Stream stream, Group group) {
            this.stream = stream;
            this.group = group;
        }

        public Group group() {
            return group;
        }

        @Override
        public boolean sendRtp(ByteBuffer packet) {
            return true; // the stream's feed has sent it to the group
        }

        @Override
        public boolean sendRtcp(ByteBuffer packet) {
            return true;
        }

        @Override
        public String kind() {
            return "mcast"; // the history's transport column holds 8 characters
        }

        @Override
        public void close() {
            leave(this);
        }
    }
}
