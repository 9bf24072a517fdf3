package org.tributary.media.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.tributary.media.MediaFormatException;

/** Builds the RTP payload of a {@link HintPacket} by resolving its constructors against the file. */
public final class HintPacketAssembler {

    private HintPacketAssembler() {
    }

    /**
     * Writes the payload (the bytes after the 12-byte RTP header) of {@code p} into {@code dst} and
     * returns its length. Track reference index -1 is the hint track itself; 0 is the first 'hint'
     * reference, and n &gt;= 1 the n-th (QuickTime numbering, where 0 means "the only one").
     *
     * @throws IllegalArgumentException when {@code dst} has less room than {@link HintPacket#payloadLength()}
     */
    public static int assemble(HintPacket p, Mp4File file, Mp4Track hintTrack, ByteBuffer dst) throws IOException {
        int total = p.payloadLength();
        if (dst.remaining() < total) {
            throw new IllegalArgumentException("destination has " + dst.remaining() + " bytes free, payload needs " + total);
        }
        for (HintConstructor c : p.constructors()) {
            if (c instanceof HintConstructor.Immediate imm) {
                dst.put(imm.data());
            } else if (c instanceof HintConstructor.SampleRef ref) {
                copySample(ref, file, hintTrack, dst);
            } else if (c instanceof HintConstructor.SampleDescriptionRef ref) {
                copyDescription(ref, file, hintTrack, dst);
            }
        }
        return total;
    }

    private static void copySample(HintConstructor.SampleRef ref, Mp4File file, Mp4Track hint, ByteBuffer dst)
            throws IOException {
        Mp4Track track = resolve(ref.trackRefIndex(), file, hint);
        SampleTable t = track.samples();
        if (ref.sampleNumber() < 1 || ref.sampleNumber() > t.count()) {
            throw new MediaFormatException("hint references sample " + ref.sampleNumber() + " of track "
                    + track.trackId() + " which has " + t.count() + " samples, in " + file.path());
        }
        int index = (int) (ref.sampleNumber() - 1);
        int bpb = ref.bytesPerBlock();
        int spb = ref.samplesPerBlock();
        if (t.fixedSize() && (bpb > 1 || spb > 1) && spb > 0) {
            // QuickTime compressed audio: samples are counted in PCM frames, data in compression blocks
            int chunk = t.chunkOf(index);
            long pos = t.chunkOffset(chunk) + (long) (index - t.chunkFirstSample(chunk)) / spb * bpb + ref.offset();
            file.readAt(pos, ref.length(), dst);
            return;
        }
        file.readSampleBytes(track, index, ref.offset(), ref.length(), dst);
    }

    private static void copyDescription(HintConstructor.SampleDescriptionRef ref, Mp4File file, Mp4Track hint,
                                        ByteBuffer dst) throws MediaFormatException {
        Mp4Track track = resolve(ref.trackRefIndex(), file, hint);
        long index = ref.sampleDescriptionIndex();
        if (index < 1 || index > track.sampleEntries().size()) {
            throw new MediaFormatException("hint references sample description " + index + " of track "
                    + track.trackId() + " in " + file.path());
        }
        SampleEntry e = track.sampleEntries().get((int) index - 1);
        if (ref.offset() + ref.length() > e.rawLength()) {
            throw new MediaFormatException("hint reads past sample description " + index + " of track "
                    + track.trackId() + " in " + file.path());
        }
        e.copyRaw((int) ref.offset(), ref.length(), dst);
    }

    private static Mp4Track resolve(int refIndex, Mp4File file, Mp4Track hint) throws MediaFormatException {
        if (refIndex == -1) {
            return hint;
        }
        int[] refs = hint.trackReferences("hint");
        int slot = refIndex == 0 ? 0 : refIndex - 1;
        if (slot < 0 || slot >= refs.length) {
            throw new MediaFormatException("hint track " + hint.trackId() + " has no 'hint' reference " + refIndex
                    + " in " + file.path());
        }
        Mp4Track track = file.trackById(refs[slot]);
        if (track == null) {
            throw new MediaFormatException("hint track " + hint.trackId() + " references missing track "
                    + refs[slot] + " in " + file.path());
        }
        return track;
    }
}
