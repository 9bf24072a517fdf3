package org.tributary.loadtool.rtsp;

/**
 * The parameters of a SETUP response's Transport header that a client needs
 * (RFC 2326 section 12.39). Missing numbers are -1.
 */
public record TransportHeader(boolean tcp, int serverRtpPort, int serverRtcpPort, int interleavedRtp,
                              int interleavedRtcp, long ssrc, String source) {

    public static TransportHeader parse(String header) {
        // A server may list alternatives separated by commas; the first one is the chosen one.
        String first = header.split(",")[0];
        boolean tcp = false;
        int[] serverPorts = {-1, -1};
        int[] interleaved = {-1, -1};
        long ssrc = -1;
        String source = null;
        for (String part : first.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq).trim();
            String value = eq < 0 ? "" : p.substring(eq + 1).trim();
            if (name.toUpperCase().startsWith("RTP/")) {
                tcp = name.toUpperCase().endsWith("/TCP");
            } else if (name.equalsIgnoreCase("server_port")) {
                serverPorts = range(value);
            } else if (name.equalsIgnoreCase("interleaved")) {
                interleaved = range(value);
                tcp = true;
            } else if (name.equalsIgnoreCase("ssrc")) {
                try {
                    ssrc = Long.parseLong(value, 16) & 0xFFFFFFFFL;
                } catch (NumberFormatException e) {
                    ssrc = -1;
                }
            } else if (name.equalsIgnoreCase("source")) {
                source = value;
            }
        }
        return new TransportHeader(tcp, serverPorts[0], serverPorts[1], interleaved[0], interleaved[1], ssrc, source);
    }

    /** "a-b" or "a" (then b = a + 1). */
    private static int[] range(String value) {
        try {
            int dash = value.indexOf('-');
            if (dash < 0) {
                int a = Integer.parseInt(value.trim());
                return new int[] {a, a + 1};
            }
            return new int[] {Integer.parseInt(value.substring(0, dash).trim()),
                Integer.parseInt(value.substring(dash + 1).trim())};
        } catch (NumberFormatException e) {
            return new int[] {-1, -1};
        }
    }
}
