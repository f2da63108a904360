/** SLF4J 2 provider whose levels are switched on by kernel tracing. */
module dev.userevents.slf4j {
    requires transitive org.slf4j;
    requires transitive dev.userevents;
    exports dev.userevents.slf4j;
    provides org.slf4j.spi.SLF4JServiceProvider with dev.userevents.slf4j.UserEventsServiceProvider;
}
