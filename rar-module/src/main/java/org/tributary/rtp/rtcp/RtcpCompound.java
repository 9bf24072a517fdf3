package org.tributary.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link RtcpParser} found in one compound RTCP packet.
 *
 * @param otherPackets packets of types this parser does not interpret (e.g. PSFB, other RTPFB FMTs)
 */
public record RtcpCompound(List<SenderInfo> senderReports, List<ReceptionReport> receptionReports,
                           List<Cname> cnames, List<Long> byeSsrcs, List<AppPacket> appPackets,
                           List<Nack> nacks, int otherPackets) {

    public RtcpCompound {
        senderReports = List.copyOf(senderReports);
        receptionReports = List.copyOf(receptionReports);
        cnames = List.copyOf(cnames);
        byeSsrcs = List.copyOf(byeSsrcs);
        appPackets = List.copyOf(appPackets);
        nacks = List.copyOf(nacks);
    }

    /** All NACK'd sequence numbers, in packet order. */
    public List<Integer> nackedSequenceNumbers() {
        List<Integer> all = new ArrayList<>();
        nacks.forEach(n -> all.addAll(n.lostSequenceNumbers()));
        return all;
    }
}
