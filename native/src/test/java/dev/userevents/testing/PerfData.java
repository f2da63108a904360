package dev.userevents.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw tracepoint payloads in a {@code perf.data} file (file mode), read from the format perf documents in
 * {@code tools/perf/Documentation/perf.data-file-format.txt} and {@code include/uapi/linux/perf_event.h}: the
 * header, the attributes' {@code sample_type}, and each {@code PERF_RECORD_SAMPLE}'s {@code PERF_SAMPLE_RAW}.
 * {@code perf script} cannot show bytes beyond a tracepoint's declared fields, which is where EventHeader puts
 * everything.
 */
public final class PerfData {
    private static final long MAGIC = 0x32454c4946524550L; // "PERFILE2"
    private static final int PERF_RECORD_SAMPLE = 9;
    private static final long SAMPLE_IP = 1L,
            SAMPLE_TID = 1L << 1,
            SAMPLE_TIME = 1L << 2,
            SAMPLE_ADDR = 1L << 3,
            SAMPLE_READ = 1L << 4,
            SAMPLE_CALLCHAIN = 1L << 5,
            SAMPLE_ID = 1L << 6,
            SAMPLE_CPU = 1L << 7,
            SAMPLE_PERIOD = 1L << 8,
            SAMPLE_STREAM_ID = 1L << 9,
            SAMPLE_RAW = 1L << 10,
            SAMPLE_IDENTIFIER = 1L << 16;
    /** A tracepoint record starts with struct trace_entry: u16 type, u8 flags, u8 preempt_count, s32 pid. */
    public static final int TRACE_ENTRY_SIZE = 8;

    private PerfData() {}

    /** One sample's raw tracepoint record: its event id (tracefs {@code events/.../id}), pid, and bytes after the trace_entry. */
    public static final class RawSample {
        public final int eventId;
        public final int pid;
        public final int tid;
        /** perf's sample time (ns, the trace clock); samples are returned in this order. */
        public final long time;

        public final byte[] payload;

        RawSample(int eventId, int pid, int tid, long time, byte[] payload) {
            this.eventId = eventId;
            this.time = time;
            this.pid = pid;
            this.tid = tid;
            this.payload = payload;
        }
    }

    public static List<RawSample> rawSamples(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getLong(0) != MAGIC) {
            throw new IOException("not a perf.data file (or pipe mode): " + file);
        }
        long attrSize = in.getLong(16);
        long attrsOffset = in.getLong(24);
        long attrsSize = in.getLong(32);
        long dataOffset = in.getLong(40);
        long dataSize = in.getLong(48);
        // Each attribute (event) has its own sample_type (perf adds a dummy event without RAW); samples name theirs by
        // their first u64 (PERF_SAMPLE_IDENTIFIER), matched against each attribute's ids.
        java.util.Map<Long, Long> sampleTypeById = new java.util.HashMap<>();
        long firstSampleType = -1;
        for (long at = attrsOffset; at < attrsOffset + attrsSize; at += attrSize) {
            long type = in.getLong(
                    (int) at + 24); // perf_event_attr: u32 type, u32 size, u64 config, u64 period, u64 sample_type
            if (firstSampleType == -1) {
                firstSampleType = type;
            }
            long idsOffset = in.getLong((int) (at + attrSize - 16));
            long idsSize = in.getLong((int) (at + attrSize - 8));
            for (long id = idsOffset; id < idsOffset + idsSize; id += 8) {
                sampleTypeById.put(in.getLong((int) id), type);
            }
        }
        List<RawSample> samples = new ArrayList<>();
        int at = (int) dataOffset;
        int end = (int) (dataOffset + dataSize);
        while (at + 8 <= end) {
            int type = in.getInt(at);
            int size = in.getShort(at + 6) & 0xFFFF;
            if (size < 8) {
                throw new IOException("bad record size " + size + " at " + at);
            }
            if (type == PERF_RECORD_SAMPLE) {
                long sampleType = (firstSampleType & SAMPLE_IDENTIFIER) != 0
                        ? sampleTypeById.getOrDefault(in.getLong(at + 8), 0L)
                        : firstSampleType;
                if ((sampleType & SAMPLE_READ) != 0) {
                    throw new IOException(
                            "sample_type 0x" + Long.toHexString(sampleType) + " has READ: not supported here");
                }
                if ((sampleType & SAMPLE_RAW) != 0) {
                    samples.add(sample(in, at + 8, sampleType));
                }
            }
            at += size;
        }
        // perf drains each CPU's buffer in turn, so the file is in time order per CPU only.
        samples.sort(java.util.Comparator.comparingLong(sample -> sample.time));
        return samples;
    }

    private static RawSample sample(ByteBuffer in, int at, long sampleType) {
        int pid = -1;
        int tid = -1;
        if ((sampleType & SAMPLE_IDENTIFIER) != 0) at += 8;
        if ((sampleType & SAMPLE_IP) != 0) at += 8;
        if ((sampleType & SAMPLE_TID) != 0) {
            pid = in.getInt(at);
            tid = in.getInt(at + 4);
            at += 8;
        }
        long time = 0;
        if ((sampleType & SAMPLE_TIME) != 0) {
            time = in.getLong(at);
            at += 8;
        }
        if ((sampleType & SAMPLE_ADDR) != 0) at += 8;
        if ((sampleType & SAMPLE_ID) != 0) at += 8;
        if ((sampleType & SAMPLE_STREAM_ID) != 0) at += 8;
        if ((sampleType & SAMPLE_CPU) != 0) at += 8;
        if ((sampleType & SAMPLE_PERIOD) != 0) at += 8;
        if ((sampleType & SAMPLE_CALLCHAIN) != 0) at += 8 + 8 * (int) in.getLong(at);
        int rawSize = in.getInt(at);
        int raw = at + 4;
        int eventId = in.getShort(raw) & 0xFFFF;
        byte[] payload = new byte[rawSize - TRACE_ENTRY_SIZE]; // perf pads to 8 bytes; decoders ignore the tail
        in.get(raw + TRACE_ENTRY_SIZE, payload);
        return new RawSample(eventId, pid, tid, time, payload);
    }
}
