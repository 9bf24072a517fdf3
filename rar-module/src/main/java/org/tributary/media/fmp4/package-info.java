/**
 * Writer for fragmented MP4 (CMAF): the init segment (ftyp + moov with mvex/trex and each track's sample
 * entry) and media segments (styp + moof/mfhd/traf/tfhd/tfdt/trun + mdat). It knows boxes, not files: the
 * caller hands it the sample sizes, durations and flags and writes the sample bytes after the header.
 */
package org.tributary.media.fmp4;
