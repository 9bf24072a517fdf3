package org.tributary.loadtool.publish;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tributary.loadtool.rtp.UdpPortAllocator;
import org.tributary.loadtool.rtp.UdpPortPair;
import org.tributary.loadtool.rtsp.RtspConnection;
import org.tributary.loadtool.rtsp.RtspInboundHandler;
import org.tributary.loadtool.rtsp.RtspUrl;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.header.HeaderParseException;
import org.tributary.rtsp.header.PortRange;
import org.tributary.rtsp.header.Session;
import org.tributary.rtsp.header.Transport;
import org.tributary.rtsp.header.TransportSpec;

/**
 * One live publisher, as an encoder does it: ANNOUNCE (SDP with one H.264 track), SETUP
 * {@code mode=record} over TCP (interleaved 0-1) or UDP (client ports, sending to the answer's
 * server_port), RECORD; then a thread of its own paces {@link H264RtpGenerator} frames at the frame
 * rate until {@link #close}. What the server sends back (RTCP, answers) is read and discarded on
 * TCP so that it never blocks the server.
 */
public final class Publisher implements Closeable {
    private static final String USER_AGENT = "TributaryLoadTool/0.1 publisher";
    private static final String CONTROL = "streamid=0";

    private final RtspUrl url;
    private final PublishSettings settings;
    private final UdpPortAllocator ports;
    private final int index;
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private RtspConnection connection;
    private UdpPortPair udp;
    private InetSocketAddress serverRtp;
    private int rtpChannel;
    private Thread sender;
    private Thread reader;
    private volatile boolean stopping;
    private volatile String failure;

    public Publisher(RtspUrl url, PublishSettings settings, UdpPortAllocator ports, int index) {
        this.url = url;
        this.settings = settings;
        this.ports = ports;
        this.index = index;
    }

    /** The SDP announced for a stream at {@code host}. */
    static String sdp(String host, int index) {
        return String.join("\r\n",
                "v=0",
                "o=- " + (1000 + index) + " 1 IN IP4 " + host,
                "s=Tributary load tool publisher " + index,
                "c=IN IP4 " + host,
                "t=0 0",
                "a=tool:TributaryLoadTool",
                "m=video 0 RTP/AVP " + H264RtpGenerator.PAYLOAD_TYPE,
                "a=rtpmap:" + H264RtpGenerator.PAYLOAD_TYPE + " H264/" + H264RtpGenerator.CLOCK_RATE,
                "a=fmtp:" + H264RtpGenerator.PAYLOAD_TYPE + " " + H264RtpGenerator.fmtp(),
                "a=control:" + CONTROL,
                "");
    }

    /**
     * ANNOUNCE, SETUP, RECORD (blocking). Returns true when RECORD was answered 2xx; otherwise
     * {@link #failure} says which step failed and how.
     */
    public boolean start() {
        int timeout = settings.rtspTimeoutMillis();
        String step = "CONNECT";
        RtspInboundHandler ignore = new RtspInboundHandler() {
            @Override
            public void onResponse(RtspResponse response) {
            }

            @Override
            public void onInterleaved(int channel, ByteBuffer data, int offset, int length) {
            }
        };
        try {
            connection = RtspConnection.open(url, timeout, USER_AGENT);
            String uri = url.requestUri();
            step = "ANNOUNCE";
            RtspResponse announce = connection.exchange("ANNOUNCE", uri, Map.of("Content-Type", "application/sdp"),
                    sdp(url.host(), index).getBytes(StandardCharsets.UTF_8), ignore, timeout);
            if (!ok(announce)) {
                return fail("ANNOUNCE:" + announce.code());
            }
            step = "SETUP";
            Map<String, String> headers = new LinkedHashMap<>();
            if (settings.udp()) {
                udp = ports.open();
                headers.put("Transport", "RTP/AVP;unicast;client_port=" + udp.rtpPort() + "-" + udp.rtcpPort()
                        + ";mode=record");
            } else {
                headers.put("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1;mode=record");
            }
            RtspResponse setup = connection.exchange("SETUP", RtspUrl.resolveControl(uri, CONTROL), headers,
                    ignore, timeout);
            if (!ok(setup)) {
                return fail("SETUP:" + setup.code());
            }
            String sessionHeader = setup.headers().get("Session");
            if (sessionHeader == null) {
                return fail("SETUP:no Session header");
            }
            connection.setSessionId(Session.parse(sessionHeader).id());
            String transportHeader = setup.headers().get("Transport");
            TransportSpec reply = transportHeader == null ? null : Transport.parse(transportHeader).first();
            if (settings.udp()) {
                PortRange serverPort = reply == null ? null : reply.serverPort();
                if (serverPort == null) {
                    return fail("SETUP:no server_port");
                }
                String host = reply.source() != null ? reply.source() : url.host();
                serverRtp = new InetSocketAddress(host, serverPort.first());
            } else {
                rtpChannel = reply != null && reply.interleaved() != null ? reply.interleaved().first() : 0;
            }
            step = "RECORD";
            RtspResponse record = connection.exchange("RECORD", uri, Map.of("Range", "npt=0.000-"), ignore, timeout);
            if (!ok(record)) {
                return fail("RECORD:" + record.code());
            }
            return true;
        } catch (SocketTimeoutException e) {
            return fail(step + ":timeout");
        } catch (HeaderParseException e) {
            return fail(step + ":bad header " + e.getMessage());
        } catch (IOException e) {
            return fail(step + ":io " + e.getMessage());
        }
    }

    /** Starts pacing frames (after a successful {@link #start}). */
    public void startSending() {
        H264RtpGenerator generator = new H264RtpGenerator(settings.bitrateBps(), settings.fps(), settings.gopFrames(),
                settings.maxPayload(), 0x7A000000L + index, index);
        sender = new Thread(() -> send(generator), "publisher-" + index);
        sender.setDaemon(true);
        sender.start();
        if (!settings.udp()) {
            reader = new Thread(this::drain, "publisher-" + index + "-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void send(H264RtpGenerator generator) {
        long t0 = System.nanoTime();
        try {
            while (!stopping) {
                long due = t0 + (long) (generator.secondsOf(generator.frameNumber()) * 1e9);
                long wait;
                while ((wait = due - System.nanoTime()) > 0 && !stopping) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                List<ByteBuffer> packets = generator.nextFrame();
                for (ByteBuffer p : packets) {
                    int size = p.remaining();
                    if (udp != null) {
                        udp.rtp().send(p, serverRtp);
                    } else {
                        connection.writeInterleaved(rtpChannel, p);
                    }
                    packetsSent.incrementAndGet();
                    bytesSent.addAndGet(size);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!stopping) {
                fail("SEND:io " + e.getMessage());
            }
        }
    }

    private void drain() {
        try {
            connection.drain();
        } catch (IOException e) {
            // the connection ended: the sender notices on its next write
        }
    }

    private boolean fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
        return false;
    }

    private static boolean ok(RtspResponse r) {
        return r.code() >= 200 && r.code() < 300;
    }

    public String failure() {
        return failure;
    }

    public long packetsSent() {
        return packetsSent.get();
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    public String url() {
        return url.toString();
    }

    /** Stops sending and closes the connection (the server ends the broadcast). */
    @Override
    public void close() {
        stopping = true;
        try {
            if (sender != null) {
                sender.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) {
            connection.close();
        }
        if (udp != null) {
            udp.close();
        }
        try {
            if (reader != null) {
                reader.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
