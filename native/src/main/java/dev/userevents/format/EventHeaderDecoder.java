package dev.userevents.format;

import static dev.userevents.format.EventHeaderFormat.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one EventHeader record (the bytes after the write_index: header, extensions, metadata, values), written
 * from LinuxTracepoints' {@code eventheader.h} rather than from {@code dev.userevents.EventHeaderEncoder}: {@code userevents tail}
 * shows provider events with it, and the kernel tests check what perf captured with it. Throws
 * {@link IllegalArgumentException} on bytes that do not follow the format.
 */
public final class EventHeaderDecoder {
    private EventHeaderDecoder() {}

    /** One decoded event. */
    public static final class Event {
        public final int flags;
        public final int version;
        public final int id;
        public final int tag;
        public final int opcode;
        public final int level;
        public final String name;
        public final List<Field> fields;

        Event(int flags, int version, int id, int tag, int opcode, int level, String name, List<Field> fields) {
            this.flags = flags;
            this.version = version;
            this.id = id;
            this.tag = tag;
            this.opcode = opcode;
            this.level = level;
            this.name = name;
            this.fields = fields;
        }

        /** Every non-struct field by its dotted path ({@code PartB.body}, {@code PartC.thread.name}), in order. */
        public Map<String, Object> flatten() {
            Map<String, Object> out = new LinkedHashMap<>();
            flatten("", fields, out);
            return out;
        }

        private static void flatten(String prefix, List<Field> fields, Map<String, Object> out) {
            for (Field field : fields) {
                if (field.children != null) {
                    flatten(prefix + field.name + ".", field.children, out);
                } else {
                    out.put(prefix + field.name, field.value);
                }
            }
        }

        @Override
        public String toString() {
            return name + " L" + level + " " + flatten();
        }
    }

    /** A field: a struct has children, others a value (Boolean, Long, Double, String, byte[], or a List of them). */
    public static final class Field {
        public final String name;
        public final int encoding;
        public final int format;
        public final List<Field> children;
        Object value;
        final int arrayLength; // -1 none, 0 variable, n constant

        Field(String name, int encoding, int format, List<Field> children, int arrayLength) {
            this.name = name;
            this.encoding = encoding;
            this.format = format;
            this.children = children;
            this.arrayLength = arrayLength;
        }

        public Object value() {
            return value;
        }
    }

    /** Decodes {@code length} bytes from {@code offset}; trailing bytes after the last value (perf's padding) are ignored. */
    public static Event decode(byte[] bytes, int offset, int length) {
        try {
            return decode(ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN));
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("EventHeader record ends early: " + e, e);
        }
    }

    private static Event decode(ByteBuffer in) {
        int flags = in.get() & 0xFF;
        if ((flags & FLAG_LITTLE_ENDIAN) == 0) {
            throw new IllegalArgumentException(
                    "big-endian EventHeader is not supported (flags 0x" + Integer.toHexString(flags) + ")");
        }
        int version = in.get() & 0xFF;
        int id = in.getShort() & 0xFFFF;
        int tag = in.getShort() & 0xFFFF;
        int opcode = in.get() & 0xFF;
        int level = in.get() & 0xFF;
        ByteBuffer metadata = null;
        boolean more = (flags & FLAG_EXTENSION) != 0;
        while (more) {
            int size = in.getShort() & 0xFFFF;
            int kind = in.getShort() & 0xFFFF;
            ByteBuffer block = in.slice().order(ByteOrder.LITTLE_ENDIAN);
            block.limit(size);
            in.position(in.position() + size);
            if ((kind & 0x7FFF) == EXTENSION_KIND_METADATA) {
                metadata = block;
            }
            more = (kind & EXTENSION_KIND_CHAIN_FLAG) != 0;
        }
        if (metadata == null) {
            throw new IllegalArgumentException("no metadata extension");
        }
        String name = zstring(metadata);
        List<Field> fields = new ArrayList<>();
        while (metadata.hasRemaining()) {
            fields.add(readDefinition(metadata));
        }
        List<Field> tree = nest(fields, new int[] {0}, Integer.MAX_VALUE);
        for (Field field : tree) {
            readValue(field, in);
        }
        return new Event(flags, version, id, tag, opcode, level, name, tree);
    }

    private static Field readDefinition(ByteBuffer meta) {
        String name = zstring(meta);
        int encoding = meta.get() & 0xFF;
        int format = 0;
        if ((encoding & ENCODING_CHAIN_FLAG) != 0) {
            format = meta.get() & 0xFF;
            if ((format & FORMAT_CHAIN_FLAG) != 0) {
                meta.getShort(); // field tag
            }
        }
        int arrayLength = -1;
        if ((encoding & ENCODING_CARRAY_FLAG) != 0) {
            arrayLength = meta.getShort() & 0xFFFF;
        } else if ((encoding & ENCODING_VARRAY_FLAG) != 0) {
            arrayLength = 0;
        }
        int base = encoding & ENCODING_VALUE_MASK;
        return new Field(
                name,
                base,
                format & FORMAT_VALUE_MASK,
                base == ENCODING_STRUCT ? new ArrayList<>() : null,
                arrayLength);
    }

    /** Gives each struct the next {@code format} fields (recursively) as its children. */
    private static List<Field> nest(List<Field> flat, int[] next, int count) {
        List<Field> out = new ArrayList<>();
        while (out.size() < count && next[0] < flat.size()) {
            Field field = flat.get(next[0]++);
            if (field.children != null) {
                if (field.format == 0) {
                    throw new IllegalArgumentException("struct " + field.name + " with 0 fields");
                }
                field.children.addAll(nest(flat, next, field.format));
                if (field.children.size() != field.format) {
                    throw new IllegalArgumentException("struct " + field.name + " declares " + field.format
                            + " fields, metadata has " + field.children.size());
                }
            }
            out.add(field);
        }
        return out;
    }

    private static void readValue(Field field, ByteBuffer in) {
        if (field.children != null) {
            for (Field child : field.children) {
                readValue(child, in);
            }
            return;
        }
        if (field.arrayLength < 0) {
            field.value = readScalar(field, in);
            return;
        }
        int count = field.arrayLength > 0 ? field.arrayLength : in.getShort() & 0xFFFF;
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readScalar(field, in));
        }
        field.value = values;
    }

    private static Object readScalar(Field field, ByteBuffer in) {
        int format = field.format;
        switch (field.encoding) {
            case ENCODING_VALUE8: {
                byte b = in.get();
                return format == FORMAT_BOOLEAN
                        ? Boolean.valueOf(b != 0)
                        : format == FORMAT_SIGNED_INT ? (long) b : (long) (b & 0xFF);
            }
            case ENCODING_VALUE16: {
                short v = in.getShort();
                return format == FORMAT_SIGNED_INT ? (long) v : (long) (v & 0xFFFF);
            }
            case ENCODING_VALUE32: {
                int v = in.getInt();
                if (format == FORMAT_FLOAT) {
                    return (double) Float.intBitsToFloat(v);
                }
                if (format == FORMAT_BOOLEAN) {
                    return v != 0;
                }
                return format == FORMAT_SIGNED_INT ? (long) v : v & 0xFFFFFFFFL;
            }
            case ENCODING_VALUE64: {
                long v = in.getLong();
                return format == FORMAT_FLOAT ? (Object) Double.longBitsToDouble(v) : (Object) v;
            }
            case ENCODING_VALUE128: {
                byte[] v = new byte[16];
                in.get(v);
                return v;
            }
            case ENCODING_ZSTRING_CHAR8:
                return text(zbytes(in), format);
            case ENCODING_STRING_LENGTH16_CHAR8: {
                byte[] v = new byte[in.getShort() & 0xFFFF];
                in.get(v);
                return text(v, format);
            }
            case ENCODING_BINARY_LENGTH16_CHAR8: {
                byte[] v = new byte[in.getShort() & 0xFFFF];
                in.get(v);
                return v;
            }
            default:
                throw new IllegalArgumentException(
                        "field " + field.name + ": encoding " + field.encoding + " not supported");
        }
    }

    /** char8 strings: UTF-8 unless the format says 8-bit (Latin-1). */
    private static String text(byte[] bytes, int format) {
        return new String(bytes, format == FORMAT_STRING8 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static String zstring(ByteBuffer in) {
        return new String(zbytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] zbytes(ByteBuffer in) {
        int start = in.position();
        while (in.get() != 0) {
            // to the NUL
        }
        byte[] bytes = new byte[in.position() - start - 1];
        in.get(start, bytes);
        return bytes;
    }
}
