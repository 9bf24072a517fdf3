package org.tributary.it.logs;

import org.tributary.it.support.RtspTestClient;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * Plays a whole file over RTSP interleaved on one TCP connection and counts exactly what arrived: RTP
 * packets and their payload bytes (header, CSRCs and extension excluded), until every track said BYE.
 */
final class InterleavedPlayer {

    record Received(long packets, long payloadBytes, String sessionId) {
    }

    private InterleavedPlayer() {
    }

    static Received play(String url, int tracks, String userAgent) throws IOException {
        try (RtspTestClient client = new RtspTestClient()) {
            String ua = "User-Agent: " + userAgent;
            int cseq = 1;
            expect(200, client.request("DESCRIBE", url, cseq++, ua, "Accept: application/sdp"));
            String session = null;
            for (int t = 0; t < tracks; t++) {
                String transport = "Transport: RTP/AVP/TCP;unicast;interleaved=" + 2 * t + "-" + (2 * t + 1);
                RtspTestClient.Response setup = session == null
                        ? client.request("SETUP", url + "/trackID=" + (t + 1), cseq++, ua, transport)
                        : client.request("SETUP", url + "/trackID=" + (t + 1), cseq++, ua, transport, "Session: " + session);
                expect(200, setup);
                session = setup.header("Session").split(";")[0];
            }
            expect(200, client.request("PLAY", url, cseq++, ua, "Session: " + session, "Range: npt=0-4"));
            DataInputStream in = new DataInputStream(client.input());
            long packets = 0;
            long bytes = 0;
            int byes = 0;
            while (byes < tracks) {
                int marker = in.readUnsignedByte();
                if (marker != '$') {
                    throw new IOException("expected an interleaved frame, got byte " + marker);
                }
                int channel = in.readUnsignedByte();
                byte[] frame = new byte[in.readUnsignedShort()];
                in.readFully(frame);
                if (channel % 2 == 0) {
                    packets++;
                    bytes += frame.length - rtpHeaderLength(frame);
                } else if (containsBye(frame)) {
                    byes++;
                }
            }
            expect(200, client.request("TEARDOWN", url, cseq, ua, "Session: " + session));
            return new Received(packets, bytes, session);
        }
    }

    private static int rtpHeaderLength(byte[] p) {
        int length = 12 + 4 * (p[0] & 0x0F);
        if ((p[0] & 0x10) != 0) {
            length += 4 + 4 * (((p[length + 2] & 0xFF) << 8) | (p[length + 3] & 0xFF));
        }
        return length;
    }

    private static boolean containsBye(byte[] compound) {
        int at = 0;
        while (at + 4 <= compound.length) {
            if ((compound[at + 1] & 0xFF) == 203) {
                return true;
            }
            at += 4 * ((((compound[at + 2] & 0xFF) << 8) | (compound[at + 3] & 0xFF)) + 1);
        }
        return false;
    }

    private static void expect(int status, RtspTestClient.Response response) throws IOException {
        if (response.status() != status) {
            throw new IOException("expected " + status + ", got " + response.status() + " " + response.reason());
        }
    }
}
