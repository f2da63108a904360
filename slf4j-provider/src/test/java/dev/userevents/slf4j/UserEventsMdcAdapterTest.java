package dev.userevents.slf4j;

import org.slf4j.helpers.MDCAdapterTestBase;
import org.slf4j.spi.MDCAdapter;

/** SLF4J's MDC adapter contract, against the adapter this provider hands out (before initialize()). */
public class UserEventsMdcAdapterTest extends MDCAdapterTestBase {
    @Override
    protected MDCAdapter instantiateMDC() {
        return new UserEventsServiceProvider().getMDCAdapter();
    }
}
