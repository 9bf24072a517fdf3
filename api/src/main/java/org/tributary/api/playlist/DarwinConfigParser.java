package org.tributary.api.playlist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Darwin broadcaster's {@code <name>.config} file into a {@link ChannelConfig}: one
 * {@code keyword value} a line, the value in double quotes when it has blanks, {@code #} comments and blank
 * lines skipped. Keywords are matched in any case ({@code broadcast_SDP_is_dynamic} is spelt with capitals);
 * switches are {@code enabled} or {@code disabled}. Malformed values are errors and an unknown keyword or a
 * repeated one is a warning, all as {@code file:line: message}; unknown keywords are kept in
 * {@link ChannelConfig#otherKeys()}.
 */
public final class DarwinConfigParser {

    /** The configuration and what was accepted but looked wrong. */
    public record Parsed(ChannelConfig config, List<String> warnings) {
        public Parsed {
            warnings = List.copyOf(warnings);
        }
    }

    private static final Set<String> KNOWN = Set.of("playlist_file", "play_mode", "recent_movies_list_size",
            "recent_songs_list_size", "max_upcoming_list_size", "destination_ip_address", "destination_base_port",
            "sdp_file", "destination_sdp_file", "sdp_reference_movie", "broadcast_sdp_is_dynamic",
            "broadcast_start_time", "broadcast_end_time", "multicast_ttl", "rtsp_port", "broadcaster_name",
            "broadcaster_password", "client_buffer_delay", "logging", "log_file", "show_current", "show_upcoming",
            "pid_file", "max_err_file_k_size", "working_dir", "broadcast_name", "broadcast_password", "broadcast_url",
            "broadcast_mount_point", "broadcast_genre", "broadcast_bitrate", "broadcast_sample_rate", "use_icy");
    /** An IPv4 or IPv6 literal or a host name; resolving it is the broadcaster's business. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]{0,253}");
    private static final Pattern TIME = Pattern.compile("(\\*)?([0-9]{1,12})");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,6})?");

    private final PlaylistLimits limits;

    public DarwinConfigParser(PlaylistLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param fileName names the messages; without its {@code .config} ending it is the base of the default
     *                 file names ({@code news.config} plays {@code news.ply})
     */
    public Parsed parse(String text, String fileName) throws PlaylistSyntaxException {
        String base = fileName.endsWith(".config") ? fileName.substring(0, fileName.length() - ".config".length()) : fileName;
        return parse(text, fileName, ChannelConfig.defaults(base));
    }

    /**
     * @param defaults the values of keys the file leaves out, e.g. from Darwin's {@code <name>.def} file read
     *                 first; its other keys are kept unless the file sets them again
     */
    public Parsed parse(String text, String fileName, ChannelConfig defaults) throws PlaylistSyntaxException {
        Run run = new Run(fileName);
        run.read(text);
        ChannelConfig config = run.build(defaults);
        if (!run.errors.isEmpty()) {
            throw new PlaylistSyntaxException(run.messages());
        }
        return new Parsed(config, run.warnings);
    }

    /** A value and the line it came from. */
    private record Setting(String value, int line) {
    }

    private final class Run {
        final String file;
        /** Problems as (message, line): values are checked after reading, so they are sorted by line at the end. */
        final List<Setting> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Map<String, Setting> known = new HashMap<>();
        final Map<String, String> other = new LinkedHashMap<>();
        final Map<String, Integer> otherLines = new HashMap<>();

        Run(String file) {
            this.file = file;
        }

        void read(String text) {
            List<String> lines = DarwinText.lines(text);
            for (int i = 0; i < lines.size() && errors.size() <= DarwinText.MAX_ERRORS; i++) {
                int n = i + 1;
                if (lines.get(i).length() > limits.maxLineLength()) {
                    error(n, "line longer than " + limits.maxLineLength() + " characters");
                    continue;
                }
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int blank = DarwinText.indexOfBlank(line);
                String key = blank < 0 ? line : line.substring(0, blank);
                String value = blank < 0 ? "" : line.substring(blank).strip();
                if (value.startsWith("\"")) {
                    if (value.length() < 2 || !value.endsWith("\"")) {
                        error(n, "no closing quote in the value of " + key);
                        continue;
                    }
                    value = value.substring(1, value.length() - 1);
                } else if (value.isEmpty()) {
                    error(n, key + " has no value (write \"\" for an empty one)");
                    continue;
                }
                String lower = key.toLowerCase(Locale.ROOT);
                // MP3Broadcaster's name for the same setting.
                String canonical = lower.equals("recent_songs_list_size") ? "recent_movies_list_size" : lower;
                if (KNOWN.contains(canonical)) {
                    Setting earlier = known.put(canonical, new Setting(value, n));
                    if (earlier != null) {
                        warning(n, key + " was already set on line " + earlier.line() + "; the last value wins");
                    }
                } else {
                    if (otherLines.containsKey(key)) {
                        warning(n, key + " was already set on line " + otherLines.get(key) + "; the last value wins");
                    } else {
                        warning(n, "unknown key '" + key + "' (kept, not used)");
                    }
                    other.remove(key);
                    other.put(key, value);
                    otherLines.put(key, n);
                }
            }
        }

        ChannelConfig build(ChannelConfig d) {
            Map<String, String> otherKeys = new LinkedHashMap<>(d.otherKeys());
            otherKeys.putAll(other);
            return new ChannelConfig(text("playlist_file", d.playlistFile()), mode(d.playMode()),
                    integer("recent_movies_list_size", d.recentListSize(), 0, 100_000),
                    integer("max_upcoming_list_size", d.maxUpcomingListSize(), 0, 1000),
                    address(d.destinationIpAddress()), integer("destination_base_port", d.destinationBasePort(), 1, 65535),
                    text("sdp_file", d.sdpFile()), text("destination_sdp_file", d.destinationSdpFile()),
                    text("sdp_reference_movie", d.sdpReferenceMovie()), flag("broadcast_sdp_is_dynamic", d.sdpIsDynamic()),
                    time("broadcast_start_time", d.startTime()), time("broadcast_end_time", d.endTime()),
                    integer("multicast_ttl", d.multicastTtl(), 1, 255), integer("rtsp_port", d.rtspPort(), 1, 65535),
                    text("broadcaster_name", d.broadcasterName()), text("broadcaster_password", d.broadcasterPassword()),
                    seconds("client_buffer_delay", d.clientBufferDelay()), flag("logging", d.logging()),
                    text("log_file", d.logFile()), flag("show_current", d.showCurrent()),
                    flag("show_upcoming", d.showUpcoming()), text("pid_file", d.pidFile()),
                    integer("max_err_file_k_size", d.maxErrFileKSize(), 0, 1 << 20), text("working_dir", d.workingDir()),
                    text("broadcast_name", d.broadcastName()), text("broadcast_password", d.broadcastPassword()),
                    text("broadcast_url", d.broadcastUrl()), text("broadcast_mount_point", d.broadcastMountPoint()),
                    text("broadcast_genre", d.broadcastGenre()), integer("broadcast_bitrate", d.broadcastBitrate(), 0, 100_000),
                    integer("broadcast_sample_rate", d.broadcastSampleRate(), 0, 384_000), flag("use_icy", d.useIcy()),
                    otherKeys);
        }

        String text(String key, String fallback) {
            Setting s = known.get(key);
            return s == null ? fallback : s.value();
        }

        PlayMode mode(PlayMode fallback) {
            Setting s = known.get("play_mode");
            if (s == null) {
                return fallback;
            }
            try {
                return PlayMode.parse(s.value());
            } catch (IllegalArgumentException e) {
                error(s.line(), "play_mode must be sequential, sequential_looped or weighted_random, not '" + s.value() + "'");
                return fallback;
            }
        }

        int integer(String key, int fallback, int min, int max) {
            Setting s = known.get(key);
            if (s == null) {
                return fallback;
            }
            String v = s.value().strip();
            if (v.matches("[0-9]{1,9}")) {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            }
            error(s.line(), key + " must be a whole number from " + min + " to " + max + ", not '" + s.value() + "'");
            return fallback;
        }

        boolean flag(String key, boolean fallback) {
            Setting s = known.get(key);
            if (s == null) {
                return fallback;
            }
            String v = s.value().strip().toLowerCase(Locale.ROOT);
            if (v.equals("enabled") || v.equals("disabled")) {
                return v.equals("enabled");
            }
            error(s.line(), key + " must be enabled or disabled, not '" + s.value() + "'");
            return fallback;
        }

        ChannelConfig.BroadcastTime time(String key, ChannelConfig.BroadcastTime fallback) {
            Setting s = known.get(key);
            if (s == null) {
                return fallback;
            }
            var m = TIME.matcher(s.value().strip());
            if (m.matches()) {
                return new ChannelConfig.BroadcastTime(Long.parseLong(m.group(2)), m.group(1) != null);
            }
            error(s.line(), key + " must be NTP seconds or *seconds from now, not '" + s.value() + "'");
            return fallback;
        }

        double seconds(String key, double fallback) {
            Setting s = known.get(key);
            if (s == null) {
                return fallback;
            }
            String v = s.value().strip();
            if (DECIMAL.matcher(v).matches() && Double.parseDouble(v) <= 3600) {
                return Double.parseDouble(v);
            }
            error(s.line(), key + " must be seconds from 0 to 3600, not '" + s.value() + "'");
            return fallback;
        }

        String address(String fallback) {
            Setting s = known.get("destination_ip_address");
            if (s == null) {
                return fallback;
            }
            if (ADDRESS.matcher(s.value()).matches()) {
                return s.value();
            }
            error(s.line(), "destination_ip_address must be an IP address or host name, not '" + s.value() + "'");
            return fallback;
        }

        void error(int line, String message) {
            errors.add(new Setting(message, line));
        }

        List<String> messages() {
            errors.sort(Comparator.comparingInt(Setting::line));
            List<String> out = new ArrayList<>();
            for (Setting e : errors) {
                if (out.size() == DarwinText.MAX_ERRORS) {
                    out.add(file + ":" + e.line() + ": more than " + DarwinText.MAX_ERRORS + " errors, stopped reading");
                    break;
                }
                out.add(file + ":" + e.line() + ": " + e.value());
            }
            return out;
        }

        void warning(int line, String message) {
            if (warnings.size() < DarwinText.MAX_ERRORS) {
                warnings.add(file + ":" + line + ": " + message);
            }
        }
    }
}
