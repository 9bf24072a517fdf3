package org.tributary.media.mp4;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.tributary.media.MediaFormatException;

/**
 * An open ISO-BMFF / QuickTime file. {@link #open(Path)} reads the box structure and the sample
 * tables only; media data is read on demand with positioned reads, so one instance can be shared
 * by any number of threads (it is immutable after open). Fragmented files (moof) are not indexed.
 */
public final class Mp4File implements Closeable {
    private final Path path;
    private final FileChannel channel;
    private final String majorBrand;
    private final long movieTimescale;
    private final long movieDuration;
    private final List<Mp4Track> tracks;
    private final String movieSdp;

    private Mp4File(Path path, FileChannel channel, String majorBrand, long movieTimescale, long movieDuration,
                    List<Mp4Track> tracks, String movieSdp) {
        this.path = path;
        this.channel = channel;
        this.majorBrand = majorBrand;
        this.movieTimescale = movieTimescale;
        this.movieDuration = movieDuration;
        this.tracks = List.copyOf(tracks);
        this.movieSdp = movieSdp;
    }

    /** Opens {@code path} and parses its metadata; the file stays open until {@link #close()}. */
    public static Mp4File open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return read(path, ch);
        } catch (IOException | RuntimeException | Error e) {
            ch.close();
            throw e;
        }
    }

    private static Mp4File read(Path path, FileChannel ch) throws IOException {
        ParseContext ctx = new ParseContext(path.toString());
        long fileSize = ch.size();
        String brand = null;
        ByteBuffer moov = null;
        long pos = 0;
        ByteBuffer header = ByteBuffer.allocate(16);
        while (fileSize - pos >= 8) {
            header.clear().limit(8);
            readFully(ch, header, pos, ctx);
            long size = Integer.toUnsignedLong(header.getInt(0));
            String type = Box.fourcc(header.getInt(4));
            int headerSize = 8;
            if (size == 1) {
                if (fileSize - pos < 16) {
                    throw ctx.error(type, "64-bit size runs past the end of the file");
                }
                header.clear().limit(8);
                readFully(ch, header, pos + 8, ctx);
                size = header.getLong(0);
                headerSize = 16;
            } else if (size == 0) {
                size = fileSize - pos;
            }
            if (size < headerSize) {
                throw ctx.error(type, "size " + size + " at offset " + pos + " is smaller than its header");
            }
            if (size > fileSize - pos) {
                throw ctx.error(type, "at offset " + pos + " claims " + size + " bytes but only "
                        + (fileSize - pos) + " remain; file truncated?");
            }
            long contentSize = size - headerSize;
            if (type.equals("ftyp") && brand == null && contentSize >= 4) {
                brand = Box.fourcc(readBytes(ch, pos + headerSize, 4, ctx).getInt(0));
            } else if (type.equals("moov") && moov == null) {
                if (contentSize > Limits.MAX_MOOV_BYTES) {
                    throw ctx.error("moov", "size " + contentSize + " exceeds limit " + Limits.MAX_MOOV_BYTES);
                }
                moov = readBytes(ch, pos + headerSize, (int) contentSize, ctx);
            }
            pos += size;
        }
        if (moov == null) {
            throw new MediaFormatException("no 'moov' box in " + ctx.fileName());
        }
        return parseMovie(path, ch, ctx, fileSize, brand, moov);
    }

    private static Mp4File parseMovie(Path path, FileChannel ch, ParseContext ctx, long fileSize, String brand,
                                      ByteBuffer moov) throws MediaFormatException {
        List<Box> children = Box.children(moov, "moov", 1, ctx);
        if (Box.find(children, "cmov") != null) {
            throw ctx.error("cmov", "compressed movie headers are not supported");
        }
        Box mvhd = Box.find(children, "mvhd");
        if (mvhd == null) {
            throw ctx.error("moov", "has no 'mvhd' box");
        }
        long[] timing = ctx.guard("mvhd", () -> {
            ByteBuffer b = mvhd.data();
            int version = b.get() & 0xFF;
            b.position(version == 1 ? 20 : 12);
            long scale = Integer.toUnsignedLong(b.getInt());
            long duration = version == 1 ? b.getLong() : Integer.toUnsignedLong(b.getInt());
            return new long[] {scale, duration};
        });
        TrackParser trackParser = new TrackParser(ctx, fileSize);
        List<Mp4Track> tracks = new ArrayList<>();
        String sdp = null;
        for (Box b : children) {
            if (b.type().equals("trak")) {
                if (tracks.size() >= Limits.MAX_TRACKS) {
                    throw ctx.error("moov", "more than " + Limits.MAX_TRACKS + " tracks");
                }
                tracks.add(trackParser.parse(b, 2));
            } else if (b.type().equals("udta") && sdp == null) {
                sdp = movieSdp(b, ctx);
            }
        }
        return new Mp4File(path, ch, brand, timing[0], timing[1], tracks, sdp);
    }

    /** moov/udta/hnti/'rtp ' holds a 4-byte description format ('sdp ') followed by session-level SDP text. */
    private static String movieSdp(Box udta, ParseContext ctx) throws MediaFormatException {
        Box hnti = Box.find(Box.children(udta.data(), "udta", 2, ctx), "hnti");
        if (hnti == null) {
            return null;
        }
        Box rtp = Box.find(Box.children(hnti.data(), "hnti", 3, ctx), "rtp ");
        if (rtp == null || rtp.size() < 4) {
            return null;
        }
        ByteBuffer b = rtp.data();
        if (!Box.fourcc(b.getInt()).equals("sdp ")) {
            return null;
        }
        return TrackParser.text(b);
    }

    public Path path() {
        return path;
    }

    public List<Mp4Track> tracks() {
        return tracks;
    }

    /** The track with {@code trackId}, or null. */
    public Mp4Track trackById(int trackId) {
        for (Mp4Track t : tracks) {
            if (t.trackId() == trackId) {
                return t;
            }
        }
        return null;
    }

    public long movieTimescale() {
        return movieTimescale;
    }

    /** Movie duration from mvhd; when that is 0, the longest track's media duration. */
    public double durationSeconds() {
        if (movieDuration > 0 && movieTimescale > 0) {
            return (double) movieDuration / movieTimescale;
        }
        double longest = 0;
        for (Mp4Track t : tracks) {
            longest = Math.max(longest, t.mediaDurationSeconds());
        }
        return longest;
    }

    /** Major brand from 'ftyp' ("isom", "qt  ", "3gp4"...), or null for old QuickTime files without one. */
    public String majorBrand() {
        return majorBrand;
    }

    /** Session-level SDP from moov/udta/hnti/'rtp ' (without its 'sdp ' prefix), or null. */
    public String movieSdp() {
        return movieSdp;
    }

    /**
     * Reads sample {@code sampleIndex} (0-based) of {@code track} into {@code dst} at its position.
     * Safe to call concurrently. Returns the number of bytes read (the sample size).
     */
    public int readSample(Mp4Track track, int sampleIndex, ByteBuffer dst) throws IOException {
        SampleTable t = track.samples();
        return readSampleBytes(track, sampleIndex, 0, t.size(sampleIndex), dst);
    }

    /** Reads {@code length} bytes starting {@code offsetInSample} bytes into a sample. */
    public int readSampleBytes(Mp4Track track, int sampleIndex, long offsetInSample, int length, ByteBuffer dst)
            throws IOException {
        SampleTable t = track.samples();
        int size = t.size(sampleIndex);
        if (offsetInSample < 0 || length < 0 || offsetInSample + length > size) {
            throw new MediaFormatException("bytes " + offsetInSample + "+" + length + " outside sample "
                    + sampleIndex + " (" + size + " bytes) of track " + track.trackId() + " in " + path);
        }
        return readAt(t.offset(sampleIndex) + offsetInSample, length, dst);
    }

    /** Positioned read of exactly {@code length} bytes at a file offset into {@code dst}. */
    int readAt(long fileOffset, int length, ByteBuffer dst) throws IOException {
        if (dst.remaining() < length) {
            throw new IllegalArgumentException("destination has " + dst.remaining() + " bytes free, need " + length);
        }
        ByteBuffer window = dst.duplicate();
        window.limit(window.position() + length);
        readFully(channel, window, fileOffset, new ParseContext(path.toString()));
        dst.position(dst.position() + length);
        return length;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static ByteBuffer readBytes(FileChannel ch, long pos, int n, ParseContext ctx) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        readFully(ch, b, pos, ctx);
        return b.flip();
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos, ParseContext ctx) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) {
                throw new MediaFormatException("unexpected end of file at offset " + p + " in " + ctx.fileName());
            }
            p += n;
        }
    }
}
