package dev.userevents.format;

/**
 * The EventHeader convention on top of user_events (LinuxTracepoints' {@code eventheader.h}), in one place:
 * tracepoint names, the registration's field list, the header and extension layouts, field encodings and formats.
 * {@code dev.userevents.EventHeaderEncoder} writes it; the CLI's decoder reads it.
 *
 * <p>One record, after the 4-byte write_index: the 8-byte header, one metadata extension block
 * ({@code u16 size; u16 kind} + the event name and field definitions), then the field values, packed, little-endian.
 */
public final class EventHeaderFormat {
    private EventHeaderFormat() {}

    /** The fields every EventHeader tracepoint is registered with (the header, as the kernel sees it). */
    public static final String COMMAND_FIELDS =
            "u8 eventheader_flags; u8 version; u16 id; u16 tag; u8 opcode; u8 level";
    /** OpenTelemetry's exporters register keyword 1 for logs. */
    public static final int KEYWORD = 1;
    /** Levels 1 (critical) to 5 (verbose); 0 is invalid. */
    public static final int MIN_LEVEL = 1;

    public static final int MAX_LEVEL = 5;
    /** The OTel exporters' bound on a provider name (they require fewer characters than this). */
    public static final int MAX_PROVIDER_NAME_LENGTH = 233;
    /** The OTel exporters refuse (E2BIG) a write over this: metadata plus data plus headers stay below 64 KiB. */
    public static final int MAX_EVENT_BYTES = 65535 - 68;

    // ---- header (8 bytes), offsets from the record's start (after the u32 write_index) ----
    public static final int HEADER_FLAGS_OFFSET = 0; // u8
    public static final int HEADER_VERSION_OFFSET = 1; // u8
    public static final int HEADER_ID_OFFSET = 2; // u16
    public static final int HEADER_TAG_OFFSET = 4; // u16
    public static final int HEADER_OPCODE_OFFSET = 6; // u8
    public static final int HEADER_LEVEL_OFFSET = 7; // u8
    public static final int HEADER_SIZE = 8;
    public static final int FLAG_POINTER64 = 0x01;
    public static final int FLAG_LITTLE_ENDIAN = 0x02;
    public static final int FLAG_EXTENSION = 0x04;
    /** x86-64/arm64 with a metadata extension. */
    public static final int FLAGS_DEFAULT_WITH_EXTENSION = FLAG_POINTER64 | FLAG_LITTLE_ENDIAN | FLAG_EXTENSION;

    // ---- extension block header (4 bytes) ----
    public static final int EXTENSION_SIZE_OFFSET = 0; // u16: bytes of data after this header
    public static final int EXTENSION_KIND_OFFSET = 2; // u16
    public static final int EXTENSION_HEADER_SIZE = 4;
    public static final int EXTENSION_KIND_METADATA = 1;
    public static final int EXTENSION_KIND_ACTIVITY_ID = 2;
    public static final int EXTENSION_KIND_CHAIN_FLAG = 0x8000;

    // ---- field encodings (low 5 bits) and their flags ----
    public static final int ENCODING_VALUE_MASK = 0x1F;
    public static final int ENCODING_STRUCT = 1;
    public static final int ENCODING_VALUE8 = 2;
    public static final int ENCODING_VALUE16 = 3;
    public static final int ENCODING_VALUE32 = 4;
    public static final int ENCODING_VALUE64 = 5;
    public static final int ENCODING_VALUE128 = 6;
    public static final int ENCODING_ZSTRING_CHAR8 = 7;
    public static final int ENCODING_ZSTRING_CHAR16 = 8;
    public static final int ENCODING_ZSTRING_CHAR32 = 9;
    public static final int ENCODING_STRING_LENGTH16_CHAR8 = 10;
    public static final int ENCODING_STRING_LENGTH16_CHAR16 = 11;
    public static final int ENCODING_STRING_LENGTH16_CHAR32 = 12;
    public static final int ENCODING_BINARY_LENGTH16_CHAR8 = 13;
    /** Constant-length array: a {@code u16} length follows in the metadata. */
    public static final int ENCODING_CARRAY_FLAG = 0x20;
    /** Variable-length array: a {@code u16} count precedes the values. */
    public static final int ENCODING_VARRAY_FLAG = 0x40;
    /** A format byte follows the encoding byte. */
    public static final int ENCODING_CHAIN_FLAG = 0x80;

    // ---- field formats (low 7 bits); for a struct the low 7 bits are its field count ----
    public static final int FORMAT_VALUE_MASK = 0x7F;
    public static final int FORMAT_DEFAULT = 0;
    public static final int FORMAT_UNSIGNED_INT = 1;
    public static final int FORMAT_SIGNED_INT = 2;
    public static final int FORMAT_HEX_INT = 3;
    public static final int FORMAT_BOOLEAN = 7;
    public static final int FORMAT_FLOAT = 8;
    public static final int FORMAT_STRING8 = 10;
    public static final int FORMAT_STRING_UTF = 11;
    /** A {@code u16} field tag follows the format byte. */
    public static final int FORMAT_CHAIN_FLAG = 0x80;
    /** Most fields a struct holds (its count is 7 bits, never 0). */
    public static final int MAX_STRUCT_FIELDS = 127;

    /** {@code <provider>_L<level>K1}, level and keyword in lowercase hex. */
    public static String tracepointName(String provider, int level) {
        return provider + "_L" + Integer.toHexString(level) + "K" + Integer.toHexString(KEYWORD);
    }

    /** The DIAG_IOCSREG command of one provider level. */
    public static String command(String provider, int level) {
        return tracepointName(provider, level) + " " + COMMAND_FIELDS;
    }

    /** Null when {@code provider} is a usable provider name, else why not (for the one diagnostic). */
    public static String invalidProviderName(String provider) {
        if (provider == null || provider.isEmpty()) {
            return "it is empty";
        }
        if (provider.length() > MAX_PROVIDER_NAME_LENGTH) {
            return "it has " + provider.length() + " characters (at most " + MAX_PROVIDER_NAME_LENGTH + ")";
        }
        for (int i = 0; i < provider.length(); i++) {
            char c = provider.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return "it holds '"
                        + (Character.isISOControl(c) ? "\\u" + String.format("%04x", (int) c) : String.valueOf(c))
                        + "' (only ASCII letters, digits and '_' are allowed)";
            }
        }
        return null;
    }
}
