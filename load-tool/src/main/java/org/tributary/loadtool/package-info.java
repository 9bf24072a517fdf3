/**
 * Tributary's load tool: opens many concurrent RTSP sessions against one or more URLs, keeps them
 * playing, measures what arrives (loss, jitter, first-packet latency, bitrate) and what the server
 * spends on it (CPU, RSS), and reports live and as a text/JSON summary. Given http(s) playlist URLs it runs
 * HLS viewers instead ({@link org.tributary.loadtool.hls}): time to the first segment, segments, bytes, HTTP
 * errors, stalls, and the same server figures. Entry point: {@link org.tributary.loadtool.LoadToolMain}.
 */
package org.tributary.loadtool;
