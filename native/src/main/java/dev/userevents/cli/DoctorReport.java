package dev.userevents.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** Prints the doctor's checks: one line each (and the fix under a WARN or FAIL), or one JSON object for scripts. */
final class DoctorReport {
    private DoctorReport() {}

    static boolean canLog(List<DoctorCheck> checks) {
        return checks.stream().noneMatch(c -> c.verdict() == DoctorCheck.Verdict.FAIL);
    }

    static String summary(List<DoctorCheck> checks, String who) {
        if (canLog(checks)) {
            return "userevents doctor: " + who + " can log through user_events here";
        }
        return "userevents doctor: " + who + " cannot log through user_events here: "
                + checks.stream()
                        .filter(c -> c.verdict() == DoctorCheck.Verdict.FAIL)
                        .map(DoctorCheck::id)
                        .collect(Collectors.joining(", "));
    }

    static void text(List<DoctorCheck> checks, String who, PrintStream out) {
        for (DoctorCheck check : checks) {
            out.println(String.format("%-5s %-12s %s", check.verdict(), check.id(), check.detail()));
            if (check.fix() != null && check.verdict() != DoctorCheck.Verdict.OK) {
                out.println(String.format("%-18s fix: %s", "", check.fix()));
            }
        }
        out.println(summary(checks, who));
    }

    static void json(List<DoctorCheck> checks, HostView host, PrintStream out) {
        StringBuilder json = new StringBuilder("{\"ok\":")
                .append(canLog(checks))
                .append(",\"uid\":")
                .append(host.uid())
                .append(",\"user\":")
                .append(quote(host.userName))
                .append(",\"checks\":[");
        for (int i = 0; i < checks.size(); i++) {
            DoctorCheck check = checks.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"id\":")
                    .append(quote(check.id()))
                    .append(",\"status\":")
                    .append(quote(check.verdict().name().toLowerCase(java.util.Locale.ROOT)))
                    .append(",\"detail\":")
                    .append(quote(check.detail()))
                    .append(",\"fix\":")
                    .append(check.fix() == null ? "null" : quote(check.fix()))
                    .append('}');
        }
        out.println(json.append("]}"));
    }

    /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c == '\n') {
                quoted.append("\\n");
            } else if (c == '\t') {
                quoted.append("\\t");
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
