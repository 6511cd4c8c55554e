package callguide.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the CPU went during a phase: this JVM, the embedded PostgreSQL, and everything else on the
 * machine. Rates swing with whatever else runs on two cores; CPU milliseconds per step hardly do, so
 * they are what to compare between runs and the basis for any "where is the time" question.
 */
final class BenchCpu {
    private final ProcessHandle postmaster; // null when PostgreSQL is not ours to see (DATABASE_URL)

    BenchCpu(Path postgresDataDir) {
        this.postmaster = postgresDataDir == null ? null : postmaster(postgresDataDir.resolve("postmaster.pid"));
    }

    /** Counters at a moment, or (from {@link #minus}) what they counted between two. */
    record Snapshot(long jvm, long postgres, boolean postgresSeen, long machineBusy, long machineAll, long wall) {
        static final Snapshot NONE = new Snapshot(0, 0, true, 0, 0, 0);

        Snapshot minus(Snapshot earlier) {
            return new Snapshot(jvm - earlier.jvm, postgres - earlier.postgres, postgresSeen && earlier.postgresSeen,
                    machineBusy - earlier.machineBusy, machineAll - earlier.machineAll, wall - earlier.wall);
        }

        Snapshot plus(Snapshot other) {
            return new Snapshot(jvm + other.jvm, postgres + other.postgres, postgresSeen && other.postgresSeen,
                    machineBusy + other.machineBusy, machineAll + other.machineAll, wall + other.wall);
        }
    }

    Snapshot now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long pg = postmaster == null ? 0 : Stream.concat(Stream.of(postmaster), postmaster.children())
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
        long[] machine = machine();
        return new Snapshot(jvm, pg, postmaster != null, machine[0], machine[1], System.nanoTime());
    }

    /** One line: CPU ms per step by consumer, and how busy the machine was, ours and others'. */
    static String describe(Snapshot used, long steps, long loadGeneratorNanos, String unit) {
        double wall = used.wall();
        long jvm = used.jvm();
        boolean pgSeen = used.postgresSeen();
        long pg = pgSeen ? used.postgres() : 0;
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder s = new StringBuilder(String.format("%.2f ms CPU per %s: JVM %.2f", (jvm + pg) / 1e6 / steps, unit, jvm / 1e6 / steps));
        if (loadGeneratorNanos > 0) s.append(String.format(" (of which load generator %.2f)", loadGeneratorNanos / 1e6 / steps));
        s.append(!pgSeen ? ", PostgreSQL not measured (DATABASE_URL)" : String.format(", PostgreSQL %.2f", pg / 1e6 / steps));
        s.append(String.format("; this run used %.2f of %d cores", (jvm + pg) / wall, cores));
        long all = used.machineAll();
        if (all > 0) {
            double busy = (double) used.machineBusy() / all;
            s.append(String.format(", the machine was %.0f%% busy", 100 * busy));
            if (pgSeen) s.append(String.format(" (%.0f%% by other processes)", Math.max(0, 100 * (busy - (jvm + pg) / wall / cores))));
        }
        return s.toString();
    }

    /** CPU the JIT compiler threads of this JVM have used, from /proc/self/task; -1 where there is no such folder. */
    static long compilerNanos() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            long ticks = 0;
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException ended) {
                    continue; // the thread ended between listing and reading
                }
                ticks += compilerTicks(stat);
            }
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (Exception e) {
            return -1;
        }
    }

    /** User and system clock ticks of one thread's stat line if the thread is a JIT compiler's (its name cut to 15 characters), else 0. */
    static long compilerTicks(String stat) {
        int open = stat.indexOf('('), close = stat.lastIndexOf(')');
        if (!stat.substring(open + 1, close).contains("CompilerThre")) return 0;
        String[] f = stat.substring(close + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime and stime: fields 14 and 15, counting the pid as 1
    }

    /** Busy and total jiffies from /proc/stat; zeros where there is none. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            long all = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) all += Long.parseLong(f[i]);
            return new long[] {all - idle, all};
        } catch (Exception e) {
            return new long[] {0, 0};
        }
    }

    private static ProcessHandle postmaster(Path pidFile) {
        try {
            Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
            return p.orElse(null);
        } catch (Exception e) {
            return null;
        }
    }
}
