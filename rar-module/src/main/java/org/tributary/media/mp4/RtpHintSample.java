package org.tributary.media.mp4;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.tributary.media.MediaFormatException;

/**
 * A sample of a QuickTime / ISO RTP hint track ('rtp ' sample description): a list of packets,
 * each with RTP header bits and a table of payload constructors. Layout per the QuickTime File
 * Format "Hint track samples" and ISO 14496-12 RTPsample.
 */
public record RtpHintSample(int entryCount, List<HintPacket> packets) {
    private static final int CONSTRUCTOR_BYTES = 16;
    private static final int FLAG_EXTRA_INFO = 0x4;
    private static final int FLAG_B_FRAME = 0x2;
    private static final int FLAG_REPEAT = 0x1;
    private static final int TLV_RTPO = 0x7274706F; // 'rtpo'

    public RtpHintSample {
        packets = List.copyOf(packets);
    }

    /** Parses a hint sample from {@code sample}'s position to its limit; the buffer is not moved. */
    public static RtpHintSample parse(ByteBuffer sample) throws MediaFormatException {
        ByteBuffer b = sample.slice();
        try {
            int count = b.getShort() & 0xFFFF;
            b.getShort(); // reserved
            List<HintPacket> packets = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                packets.add(readPacket(b, i));
            }
            return new RtpHintSample(count, packets);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new MediaFormatException("RTP hint sample truncated (" + sample.remaining() + " bytes)", e);
        }
    }

    private static HintPacket readPacket(ByteBuffer b, int index) throws MediaFormatException {
        int time = b.getInt();
        int header = b.getShort() & 0xFFFF; // top two bits are reserved (ffmpeg writes V=2 there)
        int sequence = b.getShort() & 0xFFFF;
        int flags = b.getShort() & 0xFFFF;
        int entries = b.getShort() & 0xFFFF;
        boolean extra = (flags & FLAG_EXTRA_INFO) != 0;
        int rtpo = extra ? readExtraInfo(b, index) : 0;
        if (entries * CONSTRUCTOR_BYTES > b.remaining()) {
            throw new MediaFormatException("RTP hint packet " + index + " declares " + entries
                    + " constructors but only " + b.remaining() + " bytes remain");
        }
        List<HintConstructor> constructors = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            constructors.add(readConstructor(b.slice(b.position(), CONSTRUCTOR_BYTES), index));
            b.position(b.position() + CONSTRUCTOR_BYTES);
        }
        return new HintPacket(time, (header & 0x2000) != 0, (header & 0x1000) != 0, (header & 0x0080) != 0,
                header & 0x7F, sequence, extra, rtpo, (flags & FLAG_B_FRAME) != 0, (flags & FLAG_REPEAT) != 0,
                constructors);
    }

    /** Reads the extra-information TLV block; returns the 'rtpo' value (0 if absent). */
    private static int readExtraInfo(ByteBuffer b, int index) throws MediaFormatException {
        int start = b.position();
        long total = Integer.toUnsignedLong(b.getInt()); // includes this length field
        if (total < 4 || total > b.remaining() + 4L) {
            throw new MediaFormatException("RTP hint packet " + index + ": bad extra info length " + total);
        }
        int end = start + (int) total;
        int rtpo = 0;
        while (end - b.position() >= 8) {
            int tlvStart = b.position();
            long length = Integer.toUnsignedLong(b.getInt()); // includes length and type fields
            int type = b.getInt();
            if (length < 8 || length > end - tlvStart) {
                throw new MediaFormatException("RTP hint packet " + index + ": bad TLV length " + length);
            }
            if (type == TLV_RTPO && length >= 12) {
                rtpo = b.getInt();
            }
            b.position(tlvStart + (int) ((length + 3) & ~3L)); // entries are padded to 4 bytes
            if (b.position() > end) {
                b.position(end);
            }
        }
        b.position(end);
        return rtpo;
    }

    private static HintConstructor readConstructor(ByteBuffer c, int index) throws MediaFormatException {
        int source = c.get() & 0xFF;
        switch (source) {
            case 0:
                return new HintConstructor.Nop();
            case 1: {
                int n = c.get() & 0xFF;
                if (n > 14) {
                    throw new MediaFormatException("RTP hint packet " + index + ": immediate length " + n + " > 14");
                }
                byte[] data = new byte[n];
                c.get(data);
                return new HintConstructor.Immediate(data);
            }
            case 2:
                return new HintConstructor.SampleRef(c.get(), c.getShort() & 0xFFFF,
                        Integer.toUnsignedLong(c.getInt()), Integer.toUnsignedLong(c.getInt()),
                        c.getShort() & 0xFFFF, c.getShort() & 0xFFFF);
            case 3:
                return new HintConstructor.SampleDescriptionRef(c.get(), c.getShort() & 0xFFFF,
                        Integer.toUnsignedLong(c.getInt()), Integer.toUnsignedLong(c.getInt()));
            default:
                throw new MediaFormatException("RTP hint packet " + index + ": unknown data source " + source);
        }
    }
}
