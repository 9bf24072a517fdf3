/**
 * Reader for MPEG-1/2/2.5 audio elementary files (Layer I, II and III, usually .mp3). It skips ID3
 * tags, indexes every frame once at open, and reads frames on demand with positioned reads.
 */
package org.tributary.media.mp3;
