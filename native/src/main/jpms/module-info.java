/** The core: user_events ABI binding (JNA), enable words, registry, encoder, ring, writer, and the CLI. */
module dev.userevents {
    requires com.sun.jna;
    exports dev.userevents;
    exports dev.userevents.spi;
}
