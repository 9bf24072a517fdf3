package org.tributary.web.api;

import org.tributary.ejb.logs.SessionHistory;

/** Session history rows as RFC 4180 CSV, safe to open in a spreadsheet. */
final class HistoryCsv {

    static final String HEADER = "id,kind,sessionId,startedAt,endedAt,durationSeconds,clientAddress,username,path,query,"
            + "status,endReason,transport,audioCodec,videoCodec,bytesSent,packetsSent,packetsLost,userAgent,count,node\r\n";

    private HistoryCsv() {
    }

    static String row(SessionHistory h) {
        return String.join(",", field(h.getEventId()), field(h.getKind()), field(h.getSessionId()),
                field(h.getStartedAt().toString()), field(h.getEndedAt().toString()),
                Long.toString(h.getDurationSeconds()), field(h.getClientAddress()), field(h.getUsername()),
                field(h.getPath()), field(h.getQuery()), Integer.toString(h.getStatus()), field(h.getEndReason()),
                field(h.getTransport()), field(h.getAudioCodec()), field(h.getVideoCodec()),
                Long.toString(h.getBytesSent()), Long.toString(h.getPacketsSent()),
                h.getPacketsLost() == null ? "" : Long.toString(h.getPacketsLost()), field(h.getUserAgent()),
                Integer.toString(h.getCount()), field(h.getNode())) + "\r\n";
    }

    /** Quotes when needed; a text starting like a formula gets a leading apostrophe (values come from clients). */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
