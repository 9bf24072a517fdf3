/**
 * The media library as the console and the API see it: the adapter catalogue's file list (the api jar's
 * {@code MediaFileInfo} records, read through the adapter connection) and the rtsp:// URL a player opens.
 */
package org.tributary.ejb.media;
