package org.tributary.media.mp4;

/**
 * One 16-byte data-table entry of an RTP hint packet: tells where a piece of the payload comes from.
 */
public sealed interface HintConstructor {

    /** Number of payload bytes this entry contributes. */
    int length();

    /** Data source 0: ignored. */
    record Nop() implements HintConstructor {
        @Override
        public int length() {
            return 0;
        }
    }

    /** Data source 1: up to 14 bytes carried in the hint sample itself. */
    record Immediate(byte[] data) implements HintConstructor {
        public Immediate {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int length() {
            return data.length;
        }
    }

    /**
     * Data source 2: bytes from a media sample. {@code trackRefIndex} -1 is the hint track itself,
     * otherwise an index into the hint track's 'hint' references. {@code sampleNumber} is 1-based.
     * The block fields describe old QuickTime compressed audio; they are 1 for ordinary tracks.
     */
    record SampleRef(int trackRefIndex, int length, long sampleNumber, long offset, int bytesPerBlock,
                     int samplesPerBlock) implements HintConstructor {
    }

    /** Data source 3: bytes from a sample description ('stsd' entry, 1-based index) of the referenced track. */
    record SampleDescriptionRef(int trackRefIndex, int length, long sampleDescriptionIndex, long offset)
            implements HintConstructor {
    }
}
