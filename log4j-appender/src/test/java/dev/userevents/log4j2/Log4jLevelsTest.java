package dev.userevents.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.userevents.Level;
import org.junit.jupiter.api.Test;

class Log4jLevelsTest {
    @Test
    void standardLevelsMapOneToOne() {
        assertEquals(Level.FATAL, Log4jLevels.toCore(org.apache.logging.log4j.Level.FATAL));
        assertEquals(Level.ERROR, Log4jLevels.toCore(org.apache.logging.log4j.Level.ERROR));
        assertEquals(Level.WARN, Log4jLevels.toCore(org.apache.logging.log4j.Level.WARN));
        assertEquals(Level.INFO, Log4jLevels.toCore(org.apache.logging.log4j.Level.INFO));
        assertEquals(Level.DEBUG, Log4jLevels.toCore(org.apache.logging.log4j.Level.DEBUG));
        assertEquals(Level.TRACE, Log4jLevels.toCore(org.apache.logging.log4j.Level.TRACE));
    }

    @Test
    void customLevelsMapToTheNearestByIntLevel() {
        assertEquals(
                Level.WARN,
                Log4jLevels.toCore(org.apache.logging.log4j.Level.forName("NOTICE", 350)),
                "tie: more severe");
        assertEquals(Level.INFO, Log4jLevels.toCore(org.apache.logging.log4j.Level.forName("DETAIL", 420)));
        assertEquals(Level.DEBUG, Log4jLevels.toCore(org.apache.logging.log4j.Level.forName("VERBOSE", 550)));
        assertEquals(Level.FATAL, Log4jLevels.toCore(org.apache.logging.log4j.Level.OFF));
        assertEquals(Level.TRACE, Log4jLevels.toCore(org.apache.logging.log4j.Level.ALL));
    }

    @Test
    void theFilterMaskIsTheMappedLevelsMaskForStandardAndCustomLevels() {
        for (org.apache.logging.log4j.Level level : org.apache.logging.log4j.Level.values()) {
            assertEquals(Log4jLevels.toCore(level).enableMask, Log4jLevels.enableMask(level), level.name());
        }
        org.apache.logging.log4j.Level verbose = org.apache.logging.log4j.Level.forName("VERBOSE", 550);
        assertEquals(Level.DEBUG.enableMask, Log4jLevels.enableMask(verbose));
    }
}
