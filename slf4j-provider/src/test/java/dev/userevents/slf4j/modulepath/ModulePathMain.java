package dev.userevents.slf4j.modulepath;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Started by {@code ModulePathKernelTest} with the provider, the core, JNA and slf4j-api on the module path: says
 * which module serves its logger, waits until the test has enabled the event, logs once, and exits.
 */
public final class ModulePathMain {
    private ModulePathMain() {}

    public static void main(String[] args) throws Exception {
        Logger logger = LoggerFactory.getLogger("kt.slf4j.modulepath");
        System.out.println("logger=" + logger.getClass().getName() + " module="
                + logger.getClass().getModule().getName());
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        System.out.println("enabled=" + logger.isInfoEnabled());
        logger.info("from the module path {}", 1);
    } // the provider's shutdown hook flushes the event
}
