/**
 * Publishing: a synthetic H.264 RTP stream ({@link org.tributary.loadtool.publish.H264RtpGenerator}) and the
 * RTSP publisher (ANNOUNCE, SETUP mode=record, RECORD) that paces it to a server over TCP or UDP.
 */
package org.tributary.loadtool.publish;
