package org.tributary.loadtool.rtsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A parsed RTSP response: status line, headers in arrival order (names case-insensitive), body. */
public final class RtspResponse {
    private final int status;
    private final String reason;
    private final List<Map.Entry<String, String>> headers;
    private final String body;

    public RtspResponse(int status, String reason, List<Map.Entry<String, String>> headers, String body) {
        this.status = status;
        this.reason = reason;
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String body() {
        return body;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** First value of a header, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    public List<String> headers(String name) {
        List<String> values = new ArrayList<>(2);
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                values.add(h.getValue());
            }
        }
        return values;
    }

    /** The CSeq header as a number, or -1. */
    public int cseq() {
        String value = header("CSeq");
        if (value == null) {
            return -1;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return "RTSP/1.0 " + status + " " + reason;
    }
}
