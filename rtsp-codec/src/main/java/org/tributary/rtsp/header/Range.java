package org.tributary.rtsp.header;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Range header (RFC 2326 §12.29, §3.6 NPT, §3.7 clock, §3.5 SMPTE).
 *
 * @param unit      the time format
 * @param start     NPT seconds or, for clock ranges, seconds since the epoch; null when open or "now"
 *                  (and always null for SMPTE); {@code npt=-20} starts at 0
 * @param end       as {@code start}; null when open
 * @param startsNow {@code npt=now-}
 * @param rawSpec   the range spec as received for CLOCK and SMPTE (e.g. {@code clock=19961108T143720.25Z-}), null for NPT
 * @param time      the {@code time=} parameter (when the range should take effect), or null
 */
public record Range(RangeUnit unit, Double start, Double end, boolean startsNow, String rawSpec, String time) {

    public static final String HEADER = "Range";

    private static final Pattern NPT_SECONDS = Pattern.compile("(\\d+)(\\.\\d*)?");
    private static final Pattern NPT_HHMMSS = Pattern.compile("(\\d+):(\\d{1,2}):(\\d{1,2})(\\.\\d*)?");
    private static final Pattern CLOCK_TIME = Pattern.compile("(\\d{8}T\\d{6})(\\.\\d+)?Z");
    private static final DateTimeFormatter CLOCK_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

    /** {@code npt=start-end}; {@code end} null for an open range. */
    public static Range npt(double start, Double end) {
        return new Range(RangeUnit.NPT, start, end, false, null, null);
    }

    /** {@code npt=now-}. */
    public static Range nptFromNow() {
        return new Range(RangeUnit.NPT, null, null, true, null, null);
    }

    public boolean isNpt() {
        return unit == RangeUnit.NPT;
    }

    /** The NPT start in seconds, 0 when absent. */
    public double startOrZero() {
        return start == null ? 0.0 : start;
    }

    public static Range parse(String value) {
        List<String> pieces = HeaderParams.split(HEADER, HeaderParams.requireValue(HEADER, value), ';');
        if (pieces.isEmpty()) {
            throw new HeaderParseException(HEADER, "empty value");
        }
        String time = null;
        for (String piece : pieces.subList(1, pieces.size())) {
            HeaderParams.Param p = HeaderParams.param(HEADER, piece);
            if (p.is("time")) {
                time = HeaderParams.requireParamValue(HEADER, p);
            }
        }
        String spec = pieces.get(0);
        int eq = spec.indexOf('=');
        if (eq < 0) {
            throw new HeaderParseException(HEADER, "missing unit in '" + spec + "'");
        }
        String unitName = spec.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String interval = spec.substring(eq + 1).trim();
        int dash = interval.indexOf('-');
        if (dash < 0) {
            throw new HeaderParseException(HEADER, "missing '-' in '" + spec + "'");
        }
        String from = interval.substring(0, dash).trim();
        String to = interval.substring(dash + 1).trim();
        if (from.isEmpty() && to.isEmpty()) {
            throw new HeaderParseException(HEADER, "empty range '" + spec + "'");
        }
        if (unitName.equals("npt")) {
            return parseNpt(from, to, time);
        }
        if (unitName.equals("clock")) {
            Double s = from.isEmpty() ? null : clockSeconds(from);
            Double e = to.isEmpty() ? null : clockSeconds(to);
            checkOrder(s, e, spec);
            return new Range(RangeUnit.CLOCK, s, e, false, unitName + "=" + from + "-" + to, time);
        }
        if (unitName.startsWith("smpte")) {
            return new Range(RangeUnit.SMPTE, null, null, false, unitName + "=" + from + "-" + to, time);
        }
        throw new HeaderParseException(HEADER, "unsupported unit '" + unitName + "'");
    }

    private static Range parseNpt(String from, String to, String time) {
        boolean now = from.equalsIgnoreCase("now");
        Double s = now ? null : from.isEmpty() ? 0.0 : nptSeconds(from);
        Double e = to.isEmpty() ? null : nptSeconds(to);
        checkOrder(s, e, from + "-" + to);
        return new Range(RangeUnit.NPT, s, e, now, null, time);
    }

    private static void checkOrder(Double s, Double e, String spec) {
        if (s != null && e != null && e < s) {
            throw new HeaderParseException(HEADER, "end before start in '" + spec + "'");
        }
    }

    private static double nptSeconds(String text) {
        Matcher m = NPT_SECONDS.matcher(text);
        if (m.matches() && m.group(1).length() <= 12) {
            return Double.parseDouble(text.endsWith(".") ? text + "0" : text);
        }
        m = NPT_HHMMSS.matcher(text);
        if (m.matches() && m.group(1).length() <= 9) {
            int minutes = Integer.parseInt(m.group(2));
            int seconds = Integer.parseInt(m.group(3));
            if (minutes < 60 && seconds < 60) {
                String fraction = m.group(4) == null || m.group(4).length() < 2 ? "0" : "0" + m.group(4);
                return Long.parseLong(m.group(1)) * 3600.0 + minutes * 60 + seconds + Double.parseDouble(fraction);
            }
        }
        throw new HeaderParseException(HEADER, "invalid npt time '" + text + "'");
    }

    private static double clockSeconds(String text) {
        Matcher m = CLOCK_TIME.matcher(text);
        if (m.matches()) {
            try {
                long epoch = LocalDateTime.parse(m.group(1), CLOCK_FORMAT).toEpochSecond(ZoneOffset.UTC);
                return epoch + (m.group(2) == null ? 0.0 : Double.parseDouble("0" + m.group(2)));
            } catch (DateTimeParseException e) {
                // falls through to the error below
            }
        }
        throw new HeaderParseException(HEADER, "invalid clock time '" + text + "'");
    }

    /** NPT as {@code npt=10.000-20.000} (three decimals; open end left empty); other units as received. */
    public String format() {
        String spec;
        if (unit == RangeUnit.NPT) {
            String from = startsNow ? "now" : seconds(startOrZero());
            spec = "npt=" + from + "-" + (end == null ? "" : seconds(end));
        } else {
            spec = rawSpec;
        }
        return time == null ? spec : spec + ";time=" + time;
    }

    private static String seconds(double value) {
        return Numerals.threeDecimals(value);
    }
}
