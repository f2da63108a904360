/*
 * The raw C baseline for perf/run.sh: what the kernel ABI costs without a JVM.
 *   ue-bench writev PATH SECONDS      one-event writev loop of the project's record layout; prints events/s.
 *                                    PATH=/sys/kernel/tracing/user_events_data registers "ue_bench_c_INFO" first.
 *   ue-bench register COUNT [NAME]   registers COUNT loggers x 6 level events (NAME_<i>_<LEVEL>, default
 *                                    ue_bench_c_logger), then unregisters; prints us/logger.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define DIAG_IOCSREG 0xC0082A00UL
#define DIAG_IOCSUNREG 0x40082A02UL

struct __attribute__((packed)) user_reg {
    uint32_t size; uint8_t enable_bit; uint8_t enable_size; uint16_t flags;
    uint64_t enable_addr; uint64_t name_args; uint32_t write_index;
};
struct __attribute__((packed)) user_unreg {
    uint32_t size; uint8_t disable_bit; uint8_t reserved; uint16_t reserved2; uint64_t disable_addr;
};

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int reg(int fd, const char *command, uint32_t *word, int bit, uint32_t *index) {
    struct user_reg r = {.size = sizeof r, .enable_bit = bit, .enable_size = 4,
                         .enable_addr = (uint64_t)(uintptr_t)word, .name_args = (uint64_t)(uintptr_t)command};
    if (ioctl(fd, DIAG_IOCSREG, &r) < 0) return -errno;
    *index = r.write_index;
    return 0;
}

static int unreg(int fd, uint32_t *word, int bit) {
    struct user_unreg u = {.size = sizeof u, .disable_bit = bit, .disable_addr = (uint64_t)(uintptr_t)word};
    return ioctl(fd, DIAG_IOCSUNREG, &u) < 0 ? -errno : 0;
}

int main(int argc, char **argv) {
    if (argc < 4 && !(argc == 3 && strcmp(argv[1], "register") == 0)) {
        fprintf(stderr, "usage: ue-bench writev PATH SECONDS | ue-bench register COUNT [NAME]\n");
        return 2;
    }
    if (strcmp(argv[1], "register") == 0) {
        int count = atoi(argv[2]);
        const char *name = argc > 3 ? argv[3] : "ue_bench_c_logger";
        int fd = open("/sys/kernel/tracing/user_events_data", O_RDWR | O_CLOEXEC);
        if (fd < 0) { perror("open user_events_data"); return 1; }
        uint32_t *words = calloc(count, sizeof *words);
        static const char *levels[] = {"FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"};
        char command[512];
        uint32_t index;
        double start = now();
        for (int i = 0; i < count; i++) {
            for (int l = 0; l < 6; l++) {
                snprintf(command, sizeof command, "%s_%d_%s __rel_loc char[] msg; u32 level", name, i, levels[l]);
                int rc = reg(fd, command, &words[i], l + 1, &index);
                if (rc) { fprintf(stderr, "register: %s\n", strerror(-rc)); return 1; }
            }
        }
        double elapsed = now() - start;
        for (int i = 0; i < count; i++)
            for (int l = 0; l < 6; l++) unreg(fd, &words[i], l + 1);
        printf("c_register_us_per_logger %.2f\n", elapsed * 1e6 / count);
        return 0;
    }
    const char *path = argv[2];
    double seconds = atof(argv[3]);
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0) { perror(path); return 1; }
    static uint32_t word;
    uint32_t index = 0;
    if (strstr(path, "user_events_data")) {
        int rc = reg(fd, "ue_bench_c_INFO __rel_loc char[] msg; u32 level", &word, 4, &index);
        if (rc) { fprintf(stderr, "register: %s\n", strerror(-rc)); return 1; }
        /* ftrace on, as in the comparison: every write is recorded. */
        int enable = open("/sys/kernel/tracing/events/user_events/ue_bench_c_INFO/enable", O_WRONLY);
        if (enable < 0 || write(enable, "1", 1) != 1) { perror("enable"); return 1; }
        close(enable);
    }
    /* The same 64-character message and layout the Java side writes. */
    const char *msg = "order placed by customer ann at warehouse east, id 12345678901";
    unsigned char record[128];
    uint32_t len = strlen(msg) + 1, rel_loc = (len << 16) | 4, level = 4;
    memcpy(record, &index, 4); memcpy(record + 4, &rel_loc, 4); memcpy(record + 8, &level, 4);
    memcpy(record + 12, msg, len);
    struct iovec iov = {.iov_base = record, .iov_len = 12 + len};
    long events = 0, errors = 0;
    double start = now(), end = start + seconds, t;
    do {
        for (int i = 0; i < 1000; i++) {
            if (writev(fd, &iov, 1) < 0) errors++;
        }
        events += 1000;
    } while ((t = now()) < end);
    printf("c_writev_events_per_s %.0f errors %ld\n", events / (t - start), errors);
    if (strstr(path, "user_events_data")) {
        int enable = open("/sys/kernel/tracing/events/user_events/ue_bench_c_INFO/enable", O_WRONLY);
        if (enable >= 0) { (void)!write(enable, "0", 1); close(enable); }
        unreg(fd, &word, 4);
    }
    return 0;
}
