package dev.userevents.jul.app;

import java.util.ListResourceBundle;

/** A resource bundle as libraries ship them: JUL looks the message key up, then fills in the parameters. */
public class Messages extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        return new Object[][] {{"greeting", "Hello {0}, you have {1} messages"}, {"plain", "a plain localized line"}};
    }
}
