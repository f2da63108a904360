package dev.userevents.testing;

import dev.userevents.kernel.DataFileLocator;
import java.nio.file.Files;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards tests that claim kernel behaviour. Inside the vm/ harness ({@code USEREVENTS_IN_VM}) and under
 * {@code CI=true} a missing user_events is a failure; elsewhere the test is skipped with a loud message.
 */
public final class KernelTestSupport {
    private KernelTestSupport() {}

    public static void requireUserEvents() {
        // vm/run-kernel-tests' class-loading run on the host, for the VM's class data archive: no test runs there.
        Assumptions.assumeFalse(Boolean.getBoolean("userevents.testTraining"), "a class-loading run");
        if (Files.isWritable(DataFileLocator.DEFAULT) && Files.isWritable(Tracefs.ROOT.resolve("trace"))) {
            return;
        }
        String why = "no writable " + DataFileLocator.DEFAULT + " and tracefs here (" + DataFileLocator.explainMissing()
                + ")";
        if ("true".equals(System.getenv("CI")) || System.getenv("USEREVENTS_IN_VM") != null) {
            Assertions.fail("kernel test cannot run: " + why);
        }
        System.err.println("################################################################################");
        System.err.println("## SKIPPING kernel test: " + why);
        System.err.println("## Run `mvn verify` to run it in the vm/ harness on a user_events kernel.");
        System.err.println("################################################################################");
        Assumptions.abort(why);
    }
}
