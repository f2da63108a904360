package dev.userevents.jul;

/** Makes the default {@link UserEventsLogger}; loaded only when one is made (see {@link UserEventsLogManager}). */
final class CheckingLoggers {
    private CheckingLoggers() {}

    static Object create(String name) {
        return new UserEventsLogger(name);
    }
}
