package callguide.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, one list per thread so recording needs no lock; merged and sorted to report. */
final class BenchSamples {
    private long[] nanos = new long[1 << 14];
    private int size;

    void add(long value) {
        if (size == nanos.length) nanos = Arrays.copyOf(nanos, size * 2);
        nanos[size++] = value;
    }

    int size() {
        return size;
    }

    static BenchSamples merge(Iterable<BenchSamples> parts) {
        BenchSamples all = new BenchSamples();
        for (BenchSamples p : parts) {
            for (int i = 0; i < p.size; i++) all.add(p.nanos[i]);
        }
        Arrays.sort(all.nanos, 0, all.size);
        return all;
    }

    /** The nearest-rank percentile of a merged (sorted) list, in milliseconds. */
    double ms(double percentile) {
        if (size == 0) return Double.NaN;
        int rank = (int) Math.ceil(percentile / 100 * size);
        return nanos[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    String summary() {
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", ms(50), ms(90), ms(99), ms(100));
    }
}
