package org.tributary.ra;

import org.tributary.api.settings.SettingDescriptor;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;
import org.tributary.server.MulticastOnlyPaths;
import org.tributary.transport.MulticastRange;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
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
 * Checks an administrator's settings field by field and says, per field, what is wrong in words an
 * administrator can act on. Types and ranges come from each {@link SettingDescriptor}; what the schema
 * cannot say (an address of this host, an even RTP port, a free port, an existing folder) is checked here.
 * Whether a port is free is asked of a {@link Probe}, and only for ports that change: the ones the server
 * holds now are of course taken, by itself.
 */
final class SettingsCheck {

    /** What only the machine can answer. */
    interface Probe {
        /** Why nobody can listen on this TCP port now, or null when it is free. */
        String tcpPortProblem(InetAddress address, int port);

        /** Why the UDP port cannot be bound now, or null when it is free. */
        String udpPortProblem(InetAddress address, int port);

        /** Whether the address belongs to this host (the wildcard address does). */
        boolean isLocal(InetAddress address);
    }

    private static final int MIN_RTP_PORT = 1024;
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.]+)?");

    private final Probe probe;

    SettingsCheck(Probe probe) {
        this.probe = probe;
    }

    /**
     * @param wanted  what the administrator asks for: every editable setting
     * @param running what the adapter runs with now (its ports are in use by itself)
     * @return the problems by field name, in schema order; empty when every field is good
     */
    Map<String, String> validate(SettingValues wanted, SettingValues running) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (SettingDescriptor d : SettingsSchema.editable()) {
            String problem = d.problem(wanted.text(d.name()));
            if (problem != null) {
                errors.put(d.name(), problem);
            }
        }
        InetAddress address = errors.containsKey("rtspBindAddress") ? null
                : bindAddress(wanted.text("rtspBindAddress").trim(), errors);
        if (!errors.containsKey("rtspPort") && wanted.integer("rtspPort") == 0) {
            errors.put("rtspPort", "must be between 1 and 65535");
        }
        int tunnel = errors.containsKey("httpTunnelPort") ? 0 : wanted.integer("httpTunnelPort");
        if (tunnel != 0 && !errors.containsKey("rtspPort") && tunnel == wanted.integer("rtspPort")) {
            errors.put("httpTunnelPort", "must differ from the RTSP port (" + tunnel + "), or be 0 for none");
        }
        int rtsps = errors.containsKey("rtspsPort") ? 0 : wanted.integer("rtspsPort");
        if (rtsps != 0 && (rtsps == tunnel || !errors.containsKey("rtspPort") && rtsps == wanted.integer("rtspPort"))) {
            errors.put("rtspsPort", "must differ from the RTSP and tunnel ports (" + rtsps + "), or be 0 for off");
        }
        if (!errors.containsKey("rtpPort")) {
            int rtp = wanted.integer("rtpPort");
            if (rtp < MIN_RTP_PORT) {
                errors.put("rtpPort", "must be between " + MIN_RTP_PORT + " and 65534");
            } else if (rtp % 2 != 0) {
                errors.put("rtpPort", "must be even: RTCP uses the next port (" + (rtp + 1) + ")");
            }
        }
        if (!errors.containsKey("livePortFirst") && !errors.containsKey("livePortLast")) {
            int first = wanted.integer("livePortFirst");
            int last = wanted.integer("livePortLast");
            int rtp = errors.containsKey("rtpPort") ? -10 : wanted.integer("rtpPort");
            if (last < first + (first & 1) + 1) {
                errors.put("livePortLast", "must leave at least one even/odd port pair after livePortFirst (" + first + ")");
            } else if (rtp + 1 >= first && rtp <= last) {
                errors.put("livePortFirst", "the range " + first + "-" + last + " must not include the RTP port pair ("
                        + rtp + "-" + (rtp + 1) + ")");
            }
        }
        multicast(wanted, errors);
        InetAddress probeAt = address != null ? address : literal(running.text("rtspBindAddress"));
        if (probeAt != null) {
            checkFreeTcp(errors, "rtspPort", wanted, running, probeAt);
            if (tunnel != 0) {
                checkFreeTcp(errors, "httpTunnelPort", wanted, running, probeAt);
            }
            checkFreeUdp(errors, wanted, running, probeAt);
        }
        if (!errors.containsKey("mediaRoot")) {
            mediaRoot(wanted.text("mediaRoot"), errors);
        }
        if (!errors.containsKey("authSchemes")) {
            try {
                normalizeSchemes(wanted.text("authSchemes"));
            } catch (IllegalArgumentException e) {
                errors.put("authSchemes", e.getMessage());
            }
        }
        if (!errors.containsKey("hlsCorsOrigin")) {
            try {
                org.tributary.api.settings.CorsOrigin.parse(wanted.text("hlsCorsOrigin"));
            } catch (IllegalArgumentException e) {
                errors.put("hlsCorsOrigin", e.getMessage());
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        SettingsSchema.editableNames().stream().filter(errors::containsKey).forEach(n -> ordered.put(n, errors.get(n)));
        return ordered;
    }

    /** Trimmed, schemes spelled one way, the media folder as an absolute normalized path. */
    static SettingValues normalized(SettingValues valid) {
        Map<String, String> out = new LinkedHashMap<>();
        valid.asMap().forEach((name, value) -> out.put(name, value.trim()));
        out.put("mediaRoot", Path.of(out.get("mediaRoot")).toAbsolutePath().normalize().toString());
        out.put("authSchemes", normalizeSchemes(out.get("authSchemes")));
        return SettingValues.of(out);
    }

    /**
     * "Digest, BASIC" → "digest basic".
     *
     * @throws IllegalArgumentException naming the word that is neither scheme, or when none is given
     */
    static String normalizeSchemes(String text) {
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
        InetAddress address = literal(text);
        if (address == null) {
            errors.put("rtspBindAddress", "'" + text + "' is not an IP address (e.g. 0.0.0.0, 192.168.1.10, ::)");
            return null;
        }
        if (!probe.isLocal(address)) {
            errors.put("rtspBindAddress", text + " is not an address of this host");
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

    private void checkFreeTcp(Map<String, String> errors, String field, SettingValues wanted, SettingValues running,
                              InetAddress at) {
        if (errors.containsKey(field) || wanted.text(field).trim().equals(running.text(field))) {
            return;
        }
        int port = wanted.integer(field);
        String problem = probe.tcpPortProblem(at, port);
        if (problem != null) {
            errors.put(field, "port " + port + " is not free: " + problem);
        }
    }

    private void checkFreeUdp(Map<String, String> errors, SettingValues wanted, SettingValues running, InetAddress at) {
        if (errors.containsKey("rtpPort") || wanted.text("rtpPort").trim().equals(running.text("rtpPort"))) {
            return;
        }
        int rtp = wanted.integer("rtpPort");
        String problem = probe.udpPortProblem(at, rtp);
        if (problem == null) {
            problem = probe.udpPortProblem(at, rtp + 1);
        }
        if (problem != null) {
            errors.put("rtpPort", "UDP ports " + rtp + "-" + (rtp + 1) + " are not free: " + problem);
        }
    }

    private static void multicast(SettingValues wanted, Map<String, String> errors) {
        if (!errors.containsKey("multicastRange")) {
            try {
                MulticastRange.parse(wanted.text("multicastRange"));
            } catch (IllegalArgumentException e) {
                errors.put("multicastRange", e.getMessage());
            }
        }
        if (!errors.containsKey("multicastPortFirst") && !errors.containsKey("multicastPortLast")) {
            int first = wanted.integer("multicastPortFirst");
            if (first % 2 != 0) {
                errors.put("multicastPortFirst", "must be even: RTCP uses the next port (" + (first + 1) + ")");
            } else if (wanted.integer("multicastPortLast") < first + 1) {
                errors.put("multicastPortLast", "must leave at least one RTP/RTCP pair after multicastPortFirst ("
                        + first + ")");
            }
        }
        if (!errors.containsKey("multicastInterface")) {
            try {
                multicastInterface(wanted.text("multicastInterface"));
            } catch (IllegalArgumentException e) {
                errors.put("multicastInterface", e.getMessage());
            }
        }
        if (!errors.containsKey("multicastOnlyPaths")) {
            try {
                MulticastOnlyPaths.parse(wanted.text("multicastOnlyPaths"));
            } catch (IllegalArgumentException e) {
                errors.put("multicastOnlyPaths", e.getMessage());
            }
        }
    }

    /**
     * The interface named, or null for "any" (the system's route).
     *
     * @throws IllegalArgumentException when this host has no such interface
     */
    static NetworkInterface multicastInterface(String name) {
        String n = name.trim();
        if (n.equalsIgnoreCase("any")) {
            return null;
        }
        try {
            NetworkInterface nif = NetworkInterface.getByName(n);
            if (nif == null) {
                throw new IllegalArgumentException("this host has no network interface '" + n + "' (or \"any\")");
            }
            return nif;
        } catch (SocketException e) {
            throw new IllegalArgumentException("cannot list network interfaces: " + e.getMessage());
        }
    }

    private static void mediaRoot(String text, Map<String, String> errors) {
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
}
