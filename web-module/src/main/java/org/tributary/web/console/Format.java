package org.tributary.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/** Formatting the pages share ({@code #{fmt.bytes(n)}}): sizes, times, lists. */
@Named("fmt")
@ApplicationScoped
public class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public String join(Collection<?> items) {
        return items == null ? "" : String.join(", ", items.stream().map(String::valueOf).toList());
    }

    /** "1.5 MB", "820 KB", "12 B". */
    public String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format("%.1f GB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format("%.1f MB", n / (double) (1L << 20));
        }
        if (n >= 1L << 10) {
            return String.format("%d KB", Math.round(n / (double) (1L << 10)));
        }
        return n + " B";
    }

    /** "2025-01-31 12:00:00" (UTC). */
    public String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** "1:02:03" or "2:05"; "" when unknown (NaN or negative). */
    public String duration(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return "";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
