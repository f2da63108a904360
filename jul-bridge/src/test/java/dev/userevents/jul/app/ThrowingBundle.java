package dev.userevents.jul.app;

import java.util.Collections;
import java.util.Enumeration;
import java.util.ResourceBundle;

/** A broken resource bundle: every lookup throws something JUL's formatters do not catch. */
public class ThrowingBundle extends ResourceBundle {
    @Override
    protected Object handleGetObject(String key) {
        throw new IllegalStateException("bundle broken for " + key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.emptyEnumeration();
    }
}
