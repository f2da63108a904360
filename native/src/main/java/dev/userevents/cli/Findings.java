package dev.userevents.cli;

import java.nio.file.Path;

/** What the doctor's earlier checks found, for the verdicts and fixes of later ones. */
final class Findings {
    /** tracefs as this process sees it (USEREVENTS_TRACEFS, else the first mount with user_events), or null. */
    Path tracefs;
    /** Where user_events_data is, or would be (--data-file, else in {@link #tracefs}, else the default path). */
    Path dataFile;
    /** CONFIG_USER_EVENTS: true, false, or null when neither the config nor the files could tell. */
    Boolean builtIn;

    boolean dataFileOpens;
    /** The bracketed mode of /sys/kernel/security/lockdown, or null when not reported. */
    String lockdown;
    /** Why this looks like a container ("/.dockerenv"), or null. */
    String container;
}
