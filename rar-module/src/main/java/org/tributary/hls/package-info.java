/**
 * HLS for files: which tracks of a file HLS carries and their codec strings ({@link org.tributary.hls.HlsTracks}),
 * where segments are cut ({@link org.tributary.hls.SegmentPlan}), the init and media segments made from the file's
 * own samples ({@link org.tributary.hls.HlsPresentation}), the playlists ({@link org.tributary.hls.Playlists}), the
 * bounded segment cache and the service the outbound connection calls ({@link org.tributary.hls.HlsService}).
 * The HTTP side is the web module's (Undertow); nothing here opens a socket.
 */
package org.tributary.hls;
