package org.tributary.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IPv4 multicast groups the server may send live streams to: a prefix ({@code 239.255.42.0/24}) or a
 * first-last pair ({@code 239.255.42.1-239.255.42.50}). Every address in it must be a multicast address.
 */
public final class MulticastRange {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final long MULTICAST_FIRST = 0xE000_0000L; // 224.0.0.0
    private static final long MULTICAST_LAST = 0xEFFF_FFFFL;  // 239.255.255.255

    private final long first;
    private final long last;

    private MulticastRange(long first, long last) {
        this.first = first;
        this.last = last;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong: not an address, a reversed pair, or a range
     *                                  reaching outside 224.0.0.0/4
     */
    public static MulticastRange parse(String text) {
        String t = text == null ? "" : text.trim();
        long first;
        long last;
        int slash = t.indexOf('/');
        int dash = t.indexOf('-');
        if (slash >= 0) {
            long base = address(t.substring(0, slash));
            int bits;
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 4 || bits > 32) {
                throw new IllegalArgumentException("'" + t.substring(slash + 1) + "' is not a prefix length from 4 to 32");
            }
            long mask = (0xFFFF_FFFFL << (32 - bits)) & 0xFFFF_FFFFL;
            first = base & mask;
            last = first | (~mask & 0xFFFF_FFFFL);
        } else if (dash >= 0) {
            first = address(t.substring(0, dash));
            last = address(t.substring(dash + 1));
            if (last < first) {
                throw new IllegalArgumentException(t + ": the last address comes before the first");
            }
        } else {
            first = address(t);
            last = first;
        }
        if (first < MULTICAST_FIRST || last > MULTICAST_LAST) {
            throw new IllegalArgumentException(t + " is not a multicast range: every address must be in 224.0.0.0/4"
                    + " (e.g. 239.255.42.0/24)");
        }
        return new MulticastRange(first, last);
    }

    /** How many groups the range holds. */
    public long size() {
        return last - first + 1;
    }

    /** The group at {@code index} (0 is the first). */
    public InetAddress group(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("group " + index + " of " + size());
        }
        long a = first + index;
        byte[] bytes = {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    private static long address(String text) {
        String t = text.trim();
        Matcher m = IPV4.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + t + "' is not an IPv4 address");
        }
        long value = 0;
        for (String part : t.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("'" + t + "' is not an IPv4 address");
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    @Override
    public String toString() {
        return group(0).getHostAddress() + "-" + group(size() - 1).getHostAddress();
    }
}
