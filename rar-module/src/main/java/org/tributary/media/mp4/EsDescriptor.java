package org.tributary.media.mp4;

import java.nio.ByteBuffer;

import org.tributary.media.MediaFormatException;

/**
 * The parts of an 'esds' ES_Descriptor (ISO 14496-1 7.2.6.5) a streamer needs: the
 * DecoderConfigDescriptor's object type and bitrates, and the DecoderSpecificInfo bytes.
 */
record EsDescriptor(int objectTypeIndication, long maxBitrate, long avgBitrate, byte[] decoderSpecificInfo) {
    private static final int ES_DESCR_TAG = 0x03;
    private static final int DECODER_CONFIG_TAG = 0x04;
    private static final int DECODER_SPECIFIC_TAG = 0x05;

    /** Parses an esds payload (after the box header), including its version/flags word. */
    static EsDescriptor parse(ByteBuffer esds, ParseContext ctx) throws MediaFormatException {
        return ctx.guard("esds", () -> {
            ByteBuffer b = esds.duplicate();
            b.getInt(); // version + flags
            int tag = b.get() & 0xFF;
            int length = readLength(b);
            ByteBuffer d = b.slice(b.position(), Math.min(length, b.remaining()));
            if (tag == ES_DESCR_TAG) {
                d.getShort(); // ES_ID
                int flags = d.get() & 0xFF;
                if ((flags & 0x80) != 0) {
                    d.getShort(); // dependsOn_ES_ID
                }
                if ((flags & 0x40) != 0) {
                    d.position(d.position() + (d.get() & 0xFF)); // URL
                }
                if ((flags & 0x20) != 0) {
                    d.getShort(); // OCR_ES_Id
                }
                tag = d.get() & 0xFF;
                length = readLength(d);
                d = d.slice(d.position(), Math.min(length, d.remaining()));
            }
            if (tag != DECODER_CONFIG_TAG) {
                throw ctx.error("esds", "no DecoderConfigDescriptor");
            }
            int objectType = d.get() & 0xFF;
            d.get(); // streamType, upStream
            d.position(d.position() + 3); // bufferSizeDB
            long max = Integer.toUnsignedLong(d.getInt());
            long avg = Integer.toUnsignedLong(d.getInt());
            byte[] dsi = new byte[0];
            if (d.remaining() >= 2 && (d.get() & 0xFF) == DECODER_SPECIFIC_TAG) {
                int n = readLength(d);
                dsi = new byte[Math.min(n, d.remaining())];
                d.get(dsi);
            }
            return new EsDescriptor(objectType, max, avg, dsi);
        });
    }

    /** Expandable size: up to four bytes, seven bits each, high bit = more follows. */
    private static int readLength(ByteBuffer b) {
        int n = 0;
        for (int i = 0; i < 4; i++) {
            int v = b.get() & 0xFF;
            n = (n << 7) | (v & 0x7F);
            if ((v & 0x80) == 0) {
                break;
            }
        }
        return n;
    }
}
