package com.example.orders.late;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loaded on the first refund request; its logger logs the moment the class initializes. */
public final class Refunds {
    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    static {
        log.info("refund service ready");
    }

    private Refunds() {}

    public static String refund(int id) {
        log.debug("refunding order {}", id);
        return "refund " + id + "\n";
    }
}
