package dev.userevents.jul;

import static org.junit.jupiter.api.Assertions.*;

import dev.userevents.Level;
import org.junit.jupiter.api.Test;

class JulLevelsTest {
    @Test
    void standardLevelsMapAsTheReadmeSays() {
        assertEquals(Level.TRACE, JulLevels.toCore(java.util.logging.Level.FINEST));
        assertEquals(Level.TRACE, JulLevels.toCore(java.util.logging.Level.FINER));
        assertEquals(Level.DEBUG, JulLevels.toCore(java.util.logging.Level.FINE));
        assertEquals(Level.DEBUG, JulLevels.toCore(java.util.logging.Level.CONFIG));
        assertEquals(Level.INFO, JulLevels.toCore(java.util.logging.Level.INFO));
        assertEquals(Level.WARN, JulLevels.toCore(java.util.logging.Level.WARNING));
        assertEquals(Level.ERROR, JulLevels.toCore(java.util.logging.Level.SEVERE));
        assertEquals(Level.TRACE, JulLevels.toCore(java.util.logging.Level.ALL));
        assertEquals(Level.ERROR, JulLevels.toCore(java.util.logging.Level.OFF));
    }

    @Test
    void customLevelsTakeTheBandOfTheirValue() {
        assertEquals(Level.WARN, JulLevels.toCore(new CustomLevel("NOTICE", 950)));
        assertEquals(Level.INFO, JulLevels.toCore(new CustomLevel("AUDIT", 850)));
        assertEquals(Level.DEBUG, JulLevels.toCore(new CustomLevel("DETAIL", 600)));
        assertEquals(Level.TRACE, JulLevels.toCore(new CustomLevel("NOISE", 350)));
        assertEquals(Level.ERROR, JulLevels.toCore(new CustomLevel("ALERT", 1100)));
    }

    @Test
    void enableMaskIsTheCoreLevelsMask() {
        for (java.util.logging.Level level : new java.util.logging.Level[] {
            java.util.logging.Level.FINEST,
            java.util.logging.Level.FINER,
            java.util.logging.Level.FINE,
            java.util.logging.Level.CONFIG,
            java.util.logging.Level.INFO,
            java.util.logging.Level.WARNING,
            java.util.logging.Level.SEVERE
        }) {
            assertEquals(JulLevels.toCore(level).enableMask, JulLevels.enableMask(level), level.getName());
        }
    }

    @Test
    void systemLoggerLevelsMeetJulWhereTheJdksBridgePutsThem() {
        assertEquals(java.util.logging.Level.FINER, JulLevels.toJul(System.Logger.Level.TRACE));
        assertEquals(java.util.logging.Level.FINE, JulLevels.toJul(System.Logger.Level.DEBUG));
        assertEquals(java.util.logging.Level.INFO, JulLevels.toJul(System.Logger.Level.INFO));
        assertEquals(java.util.logging.Level.WARNING, JulLevels.toJul(System.Logger.Level.WARNING));
        assertEquals(java.util.logging.Level.SEVERE, JulLevels.toJul(System.Logger.Level.ERROR));
        assertEquals(java.util.logging.Level.ALL, JulLevels.toJul(System.Logger.Level.ALL));
        assertEquals(java.util.logging.Level.OFF, JulLevels.toJul(System.Logger.Level.OFF));
        assertEquals(Level.TRACE, JulLevels.toCore(JulLevels.toJul(System.Logger.Level.TRACE)));
        assertEquals(Level.DEBUG, JulLevels.toCore(JulLevels.toJul(System.Logger.Level.DEBUG)));
    }

    private static final class CustomLevel extends java.util.logging.Level {
        private static final long serialVersionUID = 1L;

        CustomLevel(String name, int value) {
            super(name, value);
        }
    }
}
