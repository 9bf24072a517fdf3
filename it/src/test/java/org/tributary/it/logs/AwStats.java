package org.tributary.it.logs;

import org.tributary.ejb.logs.W3cAccessLogFormat;
import org.tributary.it.support.Tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs Debian's AWStats on an access log in streaming mode (LogType=S) with a LogFormat that maps
 * Darwin's W3C fields, and reads back what it counted from its data file.
 */
final class AwStats {

    static final String SCRIPT = "/usr/lib/cgi-bin/awstats.pl";

    /** Per-day totals (hits = requests with a valid status, bandwidth = their bytes) and error counts by status. */
    record Counts(long hits, long bandwidth, Map<Integer, Long> errors, String output) {
    }

    private AwStats() {
    }

    /** AWStats' LogFormat for the access log's fields (Darwin's 39 and the x- ones; date and time are one %time2 tag). */
    static String logFormat() {
        // AWStats' streaming mode takes Darwin's "protocol" value (RTP) as the request method.
        Map<String, String> tags = Map.of("c-ip", "%host", "cs-uri-stem", "%url", "c-status", "%code",
                "cs(User-Agent)", "%ua", "sc-bytes", "%bytesd", "cs-uri-query", "%query", "c-username", "%logname",
                "protocol", "%method");
        StringBuilder format = new StringBuilder();
        for (String field : W3cAccessLogFormat.FIELDS) {
            if (field.equals("time")) {
                continue;
            }
            String tag = field.equals("date") ? "%time2" : tags.getOrDefault(field, "%other");
            format.append(format.length() == 0 ? "" : " ").append(tag);
        }
        return format.toString();
    }

    static Counts run(Path log, Path workDir) throws Exception {
        Path data = Files.createDirectories(workDir.resolve("data"));
        Files.writeString(workDir.resolve("awstats.tributary.conf"), String.join("\n",
                "LogFile=\"" + log + "\"",
                "LogType=S",
                "LogFormat=\"" + logFormat() + "\"",
                "LogSeparator=\" \"",
                "SiteDomain=\"tributary.test\"",
                "HostAliases=\"localhost 127.0.0.1\"",
                "DirData=\"" + data + "\"",
                "DNSLookup=0",
                "AllowToUpdateStatsFromBrowser=0",
                "SkipHosts=\"\"",
                "") + "\n");
        Tools.Result result = Tools.run(120, "perl", SCRIPT, "-config=tributary", "-configdir=" + workDir, "-update");
        if (result.exitCode() != 0) {
            throw new AssertionError("awstats failed: " + result.stdout() + result.stderr());
        }
        long hits = 0;
        long bandwidth = 0;
        Map<Integer, Long> errors = new HashMap<>();
        try (var files = Files.list(data)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("awstats")).toList()) {
                String section = "";
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("BEGIN_")) {
                        section = line.substring(6, line.indexOf(' ') < 0 ? line.length() : line.indexOf(' '));
                        continue;
                    }
                    if (line.startsWith("END_")) {
                        section = "";
                        continue;
                    }
                    String[] v = line.split(" ");
                    if (section.equals("DAY") && v.length >= 4) { // date pages hits bandwidth visits
                        hits += Long.parseLong(v[2]);
                        bandwidth += Long.parseLong(v[3]);
                    } else if (section.equals("ERRORS") && v.length >= 2) { // code hits bandwidth
                        errors.merge(Integer.parseInt(v[0]), Long.parseLong(v[1]), Long::sum);
                    }
                }
            }
        }
        return new Counts(hits, bandwidth, errors, result.stdout());
    }
}
