package dev.userevents.samples;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small SLF4J application: every half second it logs at every level, with parameters, Unicode, key-values
 * and an exception. With userevents-slf4j on the classpath each logger/level is a user_event, off until someone
 * traces it. Usage: {@code java -jar userevents-samples.jar [seconds]} (default 30).
 */
public final class Slf4jSample {
    private static final Logger ORDERS = LoggerFactory.getLogger("dev.userevents.samples.Orders");

    private Slf4jSample() {}

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
        System.out.println("Slf4jSample: logging for " + seconds + " s as dev.userevents.samples.Orders (pid "
                + ProcessHandle.current().pid() + ")");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int order = 1; System.nanoTime() < end; order++) {
            ORDERS.trace("order {} trace detail: cart={}", order, "[apple, pear]");
            ORDERS.debug("order {} priced at {} EUR", order, 9.5 * order);
            ORDERS.info("order {} placed by {} \u00e9\u4e2d\uD83D\uDE80", order, "ann");
            ORDERS.atInfo()
                    .setMessage("order {} shipped")
                    .addArgument(order)
                    .addKeyValue("carrier", "ups")
                    .log();
            if (order % 3 == 0) {
                ORDERS.warn("order {} is slow: {} ms", order, 1200 + order);
            }
            if (order % 5 == 0) {
                ORDERS.error("order {} failed", order, new IllegalStateException("payment declined"));
            }
            Thread.sleep(500);
        }
        System.out.println("Slf4jSample: done");
    }
}
