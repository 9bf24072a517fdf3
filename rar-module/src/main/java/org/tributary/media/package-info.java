/**
 * Readers for the media file formats Tributary streams from. Sub-packages hold one container
 * format each; this package holds what they share, such as {@link org.tributary.media.MediaFormatException}.
 */
package org.tributary.media;
