package dev.userevents.samples.logback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spring Boot style service on Logback (its {@code logback.xml} has the console, the UserEvents appender and
 * the turbo filter): it logs at every level every half second; the console shows INFO and above, and whoever
 * traces {@code dev_userevents_samples_logback_OrderService_DEBUG} gets DEBUG as well, on the kernel only. Usage:
 * {@code java -jar userevents-samples-logback.jar [seconds]} (default 30).
 */
public final class LogbackSample {
    private static final Logger ORDERS = LoggerFactory.getLogger(OrderService.class);

    private LogbackSample() {}

    /** Named after the class, as a Spring service's logger is. */
    static final class OrderService {
        private OrderService() {}
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
        ORDERS.info(
                "Started LogbackSample, logging for {} s (pid {})",
                seconds,
                ProcessHandle.current().pid());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int order = 1; System.nanoTime() < end; order++) {
            ORDERS.trace("order {} trace detail: cart={}", order, "[apple, pear]");
            ORDERS.debug("order {} priced at {} EUR", order, 9.5 * order);
            ORDERS.info("order {} placed by {} \u00e9\u4e2d\uD83D\uDE80", order, "ann");
            if (order % 3 == 0) {
                ORDERS.warn("order {} is slow: {} ms", order, 1200 + order);
            }
            if (order % 5 == 0) {
                ORDERS.error("order {} failed", order, new IllegalStateException("payment declined"));
            }
            Thread.sleep(500);
        }
        ORDERS.info("Stopped LogbackSample");
    }
}
