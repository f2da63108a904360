package dev.userevents.samples;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A small Log4j2 application configured by this module's log4j2.xml ({@code <UserEventsFilter/>} and a
 * {@code <UserEvents/>} appender beside the console). Usage:
 * {@code java -cp userevents-samples.jar dev.userevents.samples.Log4jSample [seconds]} (default 30).
 */
public final class Log4jSample {
    private static final Logger PAYMENTS = LogManager.getLogger("dev.userevents.samples.Payments");

    private Log4jSample() {}

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
        System.out.println("Log4jSample: logging for " + seconds + " s as dev.userevents.samples.Payments (pid "
                + ProcessHandle.current().pid() + ")");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int payment = 1; System.nanoTime() < end; payment++) {
            PAYMENTS.trace("payment {} trace detail", payment);
            PAYMENTS.debug("payment {} amount {} EUR", payment, 12.25 * payment);
            PAYMENTS.info("payment {} accepted for {} \u00e9\u4e2d\uD83D\uDE80", payment, "bob");
            if (payment % 3 == 0) {
                PAYMENTS.warn("payment {} retried", payment);
            }
            if (payment % 5 == 0) {
                PAYMENTS.error("payment {} failed", payment, new IllegalStateException("card expired"));
            }
            if (payment % 7 == 0) {
                PAYMENTS.fatal("payment {}: ledger unavailable", payment);
            }
            Thread.sleep(500);
        }
        System.out.println("Log4jSample: done");
        LogManager.shutdown();
    }
}
