package org.tributary.ejb.logs;

import org.tributary.api.event.AccessRecord;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Darwin Streaming Server's access-log line (QTSSAccessLogModule) in the W3C Extended Log File Format:
 * the same 39 fields in the same order, then Tributary's own {@code x-} fields (retransmissions and
 * thinning), space separated, {@code -} for an unknown value, characters that would break the line (spaces,
 * tabs, line ends, '%') percent-encoded. Readers follow the {@code #Fields} directive, so fields at the end
 * do not disturb a Darwin log analyser that does.
 */
public final class W3cAccessLogFormat {

    /** The fields, in Darwin's order. */
    public static final List<String> FIELDS = List.of("c-ip", "date", "time", "c-dns", "cs-uri-stem", "c-starttime",
            "x-duration", "c-rate", "c-status", "c-playerid", "c-playerversion", "c-playerlanguage", "cs(User-Agent)",
            "c-os", "c-osversion", "c-cpu", "filelength", "filesize", "avgbandwidth", "protocol", "transport",
            "audiocodec", "videocodec", "sc-bytes", "cs-bytes", "c-bytes", "s-pkts-sent", "c-pkts-received",
            "c-pkts-lost-client", "c-buffercount", "c-totalbuffertime", "c-quality", "s-ip", "s-dns",
            "s-totalclients", "s-cpu-util", "cs-uri-query", "c-username", "sc(Realm)",
            "x-rtx-requested", "x-rtx-sent", "x-rtx-too-late", "x-thinned-frames");

    public static final String CREATED_REMARK = "#Log File Created On: ";
    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String software;
    private final ZoneId zone;

    /**
     * @param software the #Software value (server name and version)
     * @param zone     the time zone of every time written (Darwin's default: GMT)
     */
    public W3cAccessLogFormat(String software, ZoneId zone) {
        this.software = software;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The directives that start every file. */
    public List<String> header(Instant createdAt) {
        return List.of(CREATED_REMARK + CREATED.format(createdAt.atZone(zone)),
                "#Software: " + software,
                "#Version: 1.0",
                "#Date: " + DATE_TIME.format(createdAt.atZone(zone)),
                "#Remark: all time values are in " + ("Z".equals(zone.getId()) || "GMT".equals(zone.getId())
                        || "UTC".equals(zone.getId()) ? "GMT" : "local time") + ".",
                "#Fields: " + String.join(" ", FIELDS));
    }

    /** The remark Darwin appends when the server starts or stops ("STARTUP" / "SHUTDOWN"). */
    public String remark(String event, Instant at) {
        return "#Remark: Streaming beginning " + event + " " + DATE_TIME.format(at.atZone(zone));
    }

    /** One record as one line (without the line end). */
    public String line(AccessRecord r) {
        boolean session = r.kind() == AccessRecord.Kind.SESSION;
        PlayerInfo player = PlayerInfo.of(r.userAgent());
        boolean lossKnown = r.packetsLost() >= 0;
        long lost = Math.max(0, r.packetsLost());
        List<String> v = new ArrayList<>(FIELDS.size());
        v.add(text(r.clientAddress()));
        v.add(DATE.format(r.endedAt().atZone(zone)));
        v.add(TIME.format(r.endedAt().atZone(zone)));
        v.add(text(r.requestHost()));
        v.add(text(r.uriStem()));
        v.add(r.secondsToPlay() < 0 ? "-" : Long.toString(Math.round(r.secondsToPlay())));
        v.add(Long.toString(r.sessionSeconds()));
        v.add("1");
        v.add(Integer.toString(r.status()));
        v.add(text(r.clientAddress())); // c-playerid: Darwin wrote the client address here too
        v.add(text(player.version()));
        v.add(text(player.language()));
        v.add(text(r.userAgent()));
        v.add(text(player.os()));
        v.add(text(player.osVersion()));
        v.add(text(player.cpu()));
        v.add(r.durationSeconds() < 0 ? "-" : Long.toString(Math.round(r.durationSeconds())));
        v.add(number(r.mediaBytes()));
        v.add(number(r.averageBitrate()));
        v.add(text(r.protocol()));
        v.add(text(r.transport()));
        v.add(text(r.audioCodec()));
        v.add(text(r.videoCodec()));
        v.add(Long.toString(r.bytesSent()));
        v.add(Long.toString(r.rtcpBytesReceived()));
        v.add(lossKnown ? Long.toString(clientBytes(r.bytesSent(), r.packetsSent(), lost)) : "-");
        v.add(Long.toString(r.packetsSent()));
        v.add(lossKnown ? Long.toString(Math.max(0, r.packetsSent() - lost)) : "-");
        v.add(lossKnown ? Long.toString(lost) : "-");
        v.add(session ? "1" : "-");
        v.add("-"); // c-totalbuffertime: the client's buffer delay is not known to the server
        v.add(Integer.toString(quality(r.packetsSent(), lossKnown, lost)));
        v.add(text(r.serverAddress()));
        v.add(text(r.serverHost()));
        v.add(Integer.toString(r.totalClients()));
        v.add(r.cpuPercent() < 0 ? "-" : Integer.toString(r.cpuPercent()));
        v.add(text(r.uriQuery()));
        v.add(text(r.username()));
        v.add(text(r.realm()));
        v.add(Long.toString(r.delivery().rtxRequested()));
        v.add(Long.toString(r.delivery().rtxSent()));
        v.add(Long.toString(r.delivery().rtxTooLate()));
        v.add(Long.toString(r.delivery().thinnedFrames()));
        return String.join(" ", v);
    }

    /** Darwin's c-bytes: what the client got, estimated as sent × (100 − loss %) / 100. */
    static long clientBytes(long bytesSent, long packetsSent, long lost) {
        if (packetsSent <= 0) {
            return 0;
        }
        double lossRatio = Math.min(1.0, (double) lost / packetsSent);
        return Math.round(bytesSent * (1.0 - lossRatio));
    }

    /** Darwin's c-quality: received / (received + lost) in percent, 100 without client reports, 0 if nothing was sent. */
    static int quality(long packetsSent, boolean lossKnown, long lost) {
        if (packetsSent <= 0) {
            return 0;
        }
        if (!lossKnown) {
            return 100;
        }
        long received = Math.max(0, packetsSent - lost);
        return (int) Math.round(100.0 * received / (received + lost));
    }

    private static String number(long value) {
        return value < 0 ? "-" : Long.toString(value);
    }

    /** A text value as one token: '-' when empty, unsafe characters percent-encoded. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '%' || c < 0x20 || c == 0x7F) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
