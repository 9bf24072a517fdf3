package org.tributary.ejb.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks settings field by field and says, per field, what is wrong in words an administrator can act on.
 * Whether a port is free is asked of a {@link Probe} (the real one binds a socket for a moment), and only
 * for ports that change: the ones the server holds now are of course taken, by itself.
 */
public final class SettingsValidator {

    /** What only the machine can answer. */
    public interface Probe {
        /** Why nobody can listen on this TCP port now, or null when it is free. */
        String tcpPortProblem(InetAddress address, int port);

        /** Why the UDP port cannot be bound now, or null when it is free. */
        String udpPortProblem(InetAddress address, int port);

        /** Whether the address belongs to this host (the wildcard address does). */
        boolean isLocal(InetAddress address);
    }

    static final int MAX_LIMIT = 1_000_000;
    static final int MAX_BANDWIDTH_KBPS = 100_000_000; // 100 Gbit/s
    static final int MIN_SESSION_TIMEOUT = 5;
    static final int MAX_SECONDS = 86_400;
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.]+)?");

    private final Probe probe;

    public SettingsValidator(Probe probe) {
        this.probe = probe;
    }

    /**
     * @param wanted  what the administrator asks for
     * @param running what the adapter runs with now (its ports are in use by itself)
     * @return the problems by field name; empty when every field is good
     */
    public Map<String, String> validate(ServerSettings wanted, ServerSettings running) {
        Map<String, String> errors = new LinkedHashMap<>();
        InetAddress address = bindAddress(wanted.rtspBindAddress(), errors);
        port(errors, "rtspPort", wanted.rtspPort(), 1);
        if (wanted.httpTunnelPort() != 0) {
            port(errors, "httpTunnelPort", wanted.httpTunnelPort(), 1);
            if (wanted.httpTunnelPort() == wanted.rtspPort()) {
                errors.putIfAbsent("httpTunnelPort", "must differ from the RTSP port (" + wanted.rtspPort() + "), or be 0 for none");
            }
        }
        if (wanted.rtpPort() < 1024 || wanted.rtpPort() > 65534) {
            errors.put("rtpPort", "must be between 1024 and 65534");
        } else if (wanted.rtpPort() % 2 != 0) {
            errors.put("rtpPort", "must be even: RTCP uses the next port (" + (wanted.rtpPort() + 1) + ")");
        }
        InetAddress probeAt = address != null ? address : literal(running.rtspBindAddress());
        if (probeAt != null) {
            checkFree(errors, "rtspPort", wanted.rtspPort(), running.rtspPort(), probeAt, true);
            if (wanted.httpTunnelPort() != 0) {
                checkFree(errors, "httpTunnelPort", wanted.httpTunnelPort(), running.httpTunnelPort(), probeAt, true);
            }
            if (!errors.containsKey("rtpPort") && wanted.rtpPort() != running.rtpPort()) {
                String problem = probe.udpPortProblem(probeAt, wanted.rtpPort());
                if (problem == null) {
                    problem = probe.udpPortProblem(probeAt, wanted.rtpPort() + 1);
                }
                if (problem != null) {
                    errors.put("rtpPort", "UDP ports " + wanted.rtpPort() + "-" + (wanted.rtpPort() + 1)
                            + " are not free: " + problem);
                }
            }
        }
        mediaRoot(wanted.mediaRoot(), errors);
        range(errors, "maxConnections", wanted.maxConnections(), 1, MAX_LIMIT);
        range(errors, "maxSessions", wanted.maxSessions(), 1, MAX_LIMIT);
        range(errors, "maxBandwidthKbps", wanted.maxBandwidthKbps(), 0, MAX_BANDWIDTH_KBPS);
        range(errors, "sessionTimeoutSeconds", wanted.sessionTimeoutSeconds(), MIN_SESSION_TIMEOUT, MAX_SECONDS);
        range(errors, "accessCacheSeconds", wanted.accessCacheSeconds(), 0, MAX_SECONDS);
        mp3Limits(wanted, errors);
        try {
            normalizeSchemes(wanted.authSchemes());
        } catch (IllegalArgumentException e) {
            errors.put("authSchemes", e.getMessage());
        }
        return errors;
    }

    // The adapter's own ranges for the MP3-over-HTTP limits (mp3http.Mp3HttpSettings checks them again).
    static final int MAX_MP3_BURST_SECONDS = 60;
    static final int MIN_ICY_METAINT = 256;
    static final int MAX_ICY_METAINT = 65_536;
    static final int MAX_MP3_STALL_SECONDS = 3600;

    private static void mp3Limits(ServerSettings wanted, Map<String, String> errors) {
        if (wanted.mp3MaxStreams() < 0 || wanted.mp3MaxStreams() > MAX_LIMIT) {
            errors.put("mp3MaxStreams", "must be between 0 (MP3 over HTTP off) and " + MAX_LIMIT);
        }
        if (wanted.mp3BurstSeconds() < 0 || wanted.mp3BurstSeconds() > MAX_MP3_BURST_SECONDS) {
            errors.put("mp3BurstSeconds", "must be between 0 (paced from the first frame) and " + MAX_MP3_BURST_SECONDS
                    + " seconds");
        }
        range(errors, "mp3IcyMetaint", wanted.mp3IcyMetaint(), MIN_ICY_METAINT, MAX_ICY_METAINT);
        if (errors.containsKey("mp3IcyMetaint")) {
            errors.put("mp3IcyMetaint", errors.get("mp3IcyMetaint") + " bytes (players expect 8192 or 16000)");
        }
        if (wanted.mp3StallSeconds() < 1 || wanted.mp3StallSeconds() > MAX_MP3_STALL_SECONDS) {
            errors.put("mp3StallSeconds", "must be between 1 and " + MAX_MP3_STALL_SECONDS + " seconds");
        }
    }

    /**
     * "Digest, BASIC" → "digest basic".
     *
     * @throws IllegalArgumentException naming the word that is neither scheme, or when none is given
     */
    public static String normalizeSchemes(String text) {
        List<String> schemes = new ArrayList<>();
        for (String word : (text == null ? "" : text).trim().split("[,\\s]+")) {
            String w = word.toLowerCase(Locale.ROOT);
            if (w.isEmpty()) {
                continue;
            }
            if (!w.equals("digest") && !w.equals("basic")) {
                throw new IllegalArgumentException("'" + word + "' is not a scheme: use digest and/or basic, preferred first");
            }
            if (!schemes.contains(w)) {
                schemes.add(w);
            }
        }
        if (schemes.isEmpty()) {
            throw new IllegalArgumentException("name at least one scheme: digest, basic or \"digest basic\"");
        }
        return String.join(" ", schemes);
    }

    private InetAddress bindAddress(String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put("rtspBindAddress", "must be set: 0.0.0.0 for every interface, or one of this host's addresses");
            return null;
        }
        InetAddress address = literal(text.trim());
        if (address == null) {
            errors.put("rtspBindAddress", "'" + text.trim() + "' is not an IP address (e.g. 0.0.0.0, 192.168.1.10, ::)");
            return null;
        }
        if (!probe.isLocal(address)) {
            errors.put("rtspBindAddress", text.trim() + " is not an address of this host");
            return null;
        }
        return address;
    }

    /** An IPv4 or IPv6 literal, parsed without any name lookup; null when the text is not one. */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(text); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private void checkFree(Map<String, String> errors, String field, int wanted, int current, InetAddress at,
                           boolean tcp) {
        if (errors.containsKey(field) || wanted == current) {
            return;
        }
        String problem = tcp ? probe.tcpPortProblem(at, wanted) : probe.udpPortProblem(at, wanted);
        if (problem != null) {
            errors.put(field, "port " + wanted + " is not free: " + problem);
        }
    }

    private static void mediaRoot(String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put("mediaRoot", "must be set to the folder of the media files");
            return;
        }
        Path path;
        try {
            path = Path.of(text.trim());
        } catch (InvalidPathException e) {
            errors.put("mediaRoot", "not a valid path: " + e.getReason());
            return;
        }
        if (!path.isAbsolute()) {
            errors.put("mediaRoot", "must be an absolute path (it is not clear what '" + text.trim()
                    + "' would be relative to)");
        } else if (!Files.exists(path)) {
            errors.put("mediaRoot", "no such folder: " + path);
        } else if (!Files.isDirectory(path)) {
            errors.put("mediaRoot", path + " is a file, not a folder");
        } else if (!Files.isReadable(path)) {
            errors.put("mediaRoot", "the server may not read " + path);
        }
    }

    private static void port(Map<String, String> errors, String field, int value, int min) {
        range(errors, field, value, min, 65535);
    }

    private static void range(Map<String, String> errors, String field, int value, int min, int max) {
        if (value < min || value > max) {
            errors.put(field, "must be between " + min + " and " + max);
        }
    }
}
