package dev.userevents.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads one CPU's {@code trace_pipe_raw}: whole ring-buffer pages in the kernel's binary layout, so the bytes of an
 * event beyond its declared fields (all of an EventHeader event) are there, which {@code trace_pipe}'s text
 * leaves out. Layout (kernel/trace/ring_buffer.c): a page is {@code u64 timestamp; local_t commit;} then events,
 * each a {@code u32} header ({@code type_len:5, time_delta:27}) and its data; a tracepoint's data starts with
 * {@code struct trace_entry} ({@code u16 type} = the event's id).
 */
final class TraceRingReader {
    static final int PAGE_HEADER_SIZE = 16;
    private static final int COMMIT_SIZE_MASK = 0xFFFFF; // the high bits of commit are "missed events" flags
    private static final int TYPE_PADDING = 29;
    private static final int TYPE_TIME_EXTEND = 30;
    private static final int TYPE_TIME_STAMP = 31;
    static final int TRACE_ENTRY_SIZE = 8;

    private TraceRingReader() {}

    /** One tracepoint event: its id, the writing task (thread) id from its trace_entry, its data after the trace_entry. */
    interface EventSink {
        void accept(int eventId, int tid, byte[] data);
    }

    /**
     * Blocks reading pages of {@code pipe} (of {@code pageSize} bytes) until interrupted or the pipe ends; hands each
     * tracepoint event's id and data after its trace_entry to {@code sink}.
     */
    static void readPages(Path pipe, int pageSize, EventSink sink) throws IOException {
        try (FileChannel channel = FileChannel.open(pipe, StandardOpenOption.READ)) {
            ByteBuffer page = ByteBuffer.allocate(pageSize).order(ByteOrder.LITTLE_ENDIAN);
            while (!Thread.currentThread().isInterrupted()) {
                page.clear();
                int read = channel.read(page);
                if (read < 0) {
                    return;
                }
                if (read >= PAGE_HEADER_SIZE) {
                    events(page, read, sink);
                }
            }
        }
    }

    /** The events of one page of {@code length} bytes. */
    static void events(ByteBuffer page, int length, EventSink sink) {
        int end = Math.min(length, PAGE_HEADER_SIZE + (int) (page.getLong(8) & COMMIT_SIZE_MASK));
        int at = PAGE_HEADER_SIZE;
        while (at + 4 <= end) {
            int header = page.getInt(at);
            int typeLen = header & 0x1F;
            int timeDelta = header >>> 5;
            int dataAt;
            int dataLength;
            if (typeLen == TYPE_PADDING) {
                if (timeDelta == 0) {
                    return; // the rest of the page is padding
                }
                at += 4 + page.getInt(at + 4);
                continue;
            } else if (typeLen == TYPE_TIME_EXTEND || typeLen == TYPE_TIME_STAMP) {
                at += 8;
                continue;
            } else if (typeLen == 0) {
                dataLength = page.getInt(at + 4) - 4; // array[0] counts itself
                dataAt = at + 8;
            } else {
                dataLength = typeLen * 4;
                dataAt = at + 4;
            }
            if (dataLength >= TRACE_ENTRY_SIZE && dataAt + dataLength <= end) {
                byte[] data = new byte[dataLength - TRACE_ENTRY_SIZE];
                page.get(dataAt + TRACE_ENTRY_SIZE, data);
                sink.accept(page.getShort(dataAt) & 0xFFFF, page.getInt(dataAt + 4), data);
            }
            at = dataAt + dataLength;
        }
    }
}
