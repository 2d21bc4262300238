package com.enrollbot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a process, read from Linux's /proc: the same figures {@code top} shows, and
 * for the bot they include what the JVM spends outside the Java heap (JIT, GC threads, metaspace, buffers).
 */
final class ProcStats {

    private static final long CLOCK_TICKS_PER_SECOND = clockTicksPerSecond();

    private ProcStats() {
    }

    /** User + system CPU of all threads of the process, in milliseconds. */
    static long cpuMillis(long pid) {
        String[] fields = statFields(pid);
        // After the command name: field 14 (utime) and 15 (stime) of proc(5) are at 11 and 12.
        return ticksToMillis(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }

    /**
     * The process with its children: PostgreSQL is a postmaster with one backend process per connection. Exited
     * children count too (cutime, cstime), so short-lived backends are not lost.
     */
    static long cpuMillisWithChildren(long pid) {
        String[] fields = statFields(pid);
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        long children = ProcessHandle.of(pid).stream()
                .flatMap(ProcessHandle::children)
                .mapToLong(child -> {
                    try {
                        return cpuMillis(child.pid());
                    } catch (UncheckedIOException gone) {
                        return 0;
                    }
                })
                .sum();
        return ticksToMillis(ticks) + children;
    }

    /** Resident set size in MiB (VmRSS), 0 when the process is gone. */
    static double rssMegabytes(long pid) {
        return statusNumber(pid, "VmRSS:") / 1024.0;
    }

    /** Threads of the process, 0 when it is gone. */
    static long threads(long pid) {
        return statusNumber(pid, "Threads:");
    }

    private static long statusNumber(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return 0;
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name is in parentheses and may itself contain spaces or parentheses.
            return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/stat", e);
        }
    }

    private static long ticksToMillis(long ticks) {
        return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return getconf.waitFor() == 0 && out.matches("\\d+") ? Long.parseLong(out) : 100;
        } catch (IOException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
