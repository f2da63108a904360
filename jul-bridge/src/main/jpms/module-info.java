/** java.util.logging and System.Logger whose levels kernel tracing switches on. */
module dev.userevents.jul {
    requires transitive java.logging;
    requires transitive dev.userevents;
    // The SLF4J route (Slf4jRoute), used only when userevents-slf4j is SLF4J's provider. No `uses` clause: JDK 17
    // refuses a boot layer whose `uses` names a type of an absent static module; Slf4jRoute adds it at run time.
    requires static org.slf4j;
    requires static dev.userevents.slf4j;
    exports dev.userevents.jul;
    provides java.lang.System.LoggerFinder with dev.userevents.jul.UserEventsLoggerFinder;
}
