package dev.userevents.cli;

/**
 * One line of {@code userevents doctor}: a check's id (stable, for {@code --json}), its verdict, what was found,
 * and the fix when the verdict is not {@link Verdict#OK}.
 */
record DoctorCheck(String id, Verdict verdict, String detail, String fix) {
    /** OK; WARN: logging works but something an operator needs is missing; FAIL: this user cannot log; SKIP: not applicable. */
    enum Verdict {
        OK,
        WARN,
        FAIL,
        SKIP
    }

    static DoctorCheck ok(String id, String detail) {
        return new DoctorCheck(id, Verdict.OK, detail, null);
    }

    static DoctorCheck warn(String id, String detail, String fix) {
        return new DoctorCheck(id, Verdict.WARN, detail, fix);
    }

    static DoctorCheck fail(String id, String detail, String fix) {
        return new DoctorCheck(id, Verdict.FAIL, detail, fix);
    }

    static DoctorCheck skip(String id, String detail) {
        return new DoctorCheck(id, Verdict.SKIP, detail, null);
    }
}
