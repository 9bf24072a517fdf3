package org.tributary.loadtool;

/** How RTP reaches the tool: UDP to client ports, or interleaved on the RTSP connection. */
public enum TransportMode {
    UDP, TCP
}
