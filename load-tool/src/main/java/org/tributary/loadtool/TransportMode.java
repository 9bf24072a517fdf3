package org.tributary.loadtool;

/**
 * How RTP reaches the tool: UDP to client ports, interleaved on the RTSP connection, or interleaved
 * on an RTSP-over-HTTP tunnel (QuickTime's GET/POST pair, requests base64 on the POST).
 */
public enum TransportMode {
    UDP, TCP, HTTP
}
