/** java.util.logging and System.Logger whose levels kernel tracing switches on. */
module dev.userevents.jul {
    requires transitive java.logging;
    requires transitive dev.userevents;
    // The SLF4J route (Slf4jRoute), used only when userevents-slf4j is SLF4J's provider.
    requires static org.slf4j;
    requires static dev.userevents.slf4j;
    exports dev.userevents.jul;
    uses org.slf4j.spi.SLF4JServiceProvider;
    provides java.lang.System.LoggerFinder with dev.userevents.jul.UserEventsLoggerFinder;
}
