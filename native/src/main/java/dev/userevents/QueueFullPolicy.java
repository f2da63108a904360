package dev.userevents;

/** What an async producer does when the ring is full. */
public enum QueueFullPolicy {
    /** Wait for a free slot (spin, yield, then park): nothing is lost; the logging thread slows down. */
    BLOCK,
    /** Drop the event and count it; the count is reported once per interval, never silently. */
    DROP,
    /** Write this event on the caller's thread instead (it may then appear before earlier queued events). */
    SYNC
}
