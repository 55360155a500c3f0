package dev.baton.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** p50 and p95 of a call, in milliseconds, after a few warm-up calls: the benchmarks' one way of timing. */
final class Timings {

    private Timings() {}

    static double[] p50p95(int runs, Supplier<?> call) {
        for (int i = 0; i < 5; i++) {
            call.get(); // warm-up
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1]};
    }

    /**
     * Rounds of every call before {@link #interleaved(int, List)} times any ({@code -Dbench.warm-up}, 300):
     * a server answers from compiled code. Five rounds left an API call's path (Tomcat, the security
     * filters, MVC, Jackson) to the interpreter and the first compilers, since the JIT compiles a method
     * fully only after thousands of calls; the raw SQL's short path through JDBC was compiled much
     * sooner, so the API was measured colder than what it was compared with.
     */
    static final int WARM_UP = Integer.getInteger("bench.warm-up", 300);

    /** {@link #interleaved(int, int, List)} after {@link #WARM_UP} rounds. */
    static double[][] interleaved(int runs, List<Supplier<?>> calls) {
        return interleaved(runs, WARM_UP, calls);
    }

    /**
     * p50 and p95 of each call, taking turns (call 1, 2, 3, then 2, 3, 1, ...) so that the machine's
     * load, which changes by the second on a shared host, weighs on each call alike.
     *
     * @param warmUp rounds of every call, untimed, before the timed ones
     * @return per call, in the order given: {p50, p95} in milliseconds
     */
    static double[][] interleaved(int runs, int warmUp, List<Supplier<?>> calls) {
        int n = calls.size();
        for (int i = 0; i < warmUp; i++) {
            calls.forEach(Supplier::get);
        }
        double[][] ms = new double[n][runs];
        for (int run = 0; run < runs; run++) {
            for (int k = 0; k < n; k++) {
                int which = (run + k) % n;
                long t = System.nanoTime();
                calls.get(which).get();
                ms[which][run] = (System.nanoTime() - t) / 1e6;
            }
        }
        double[][] result = new double[n][];
        for (int k = 0; k < n; k++) {
            double[] sorted = java.util.Arrays.stream(ms[k]).sorted().toArray();
            result[k] = new double[] {sorted[runs / 2], sorted[(int) Math.ceil(runs * 0.95) - 1]};
        }
        return result;
    }

    /** The floor of any API call: {@code GET /api/people/me} reads only the signed-in person. */
    static final String FLOOR = "/api/people/me";

    /**
     * One line of figures from {@link #interleaved} over API, service, raw SQL and {@link #FLOOR}: p50/p95
     * of each, the p95 ratios to raw SQL, the aim.
     */
    static String row(double[][] t) {
        return row(t[0], t[1], t[2]) + String.format(" | floor p50 %.2f p95 %.2f", t[3][0], t[3][1]);
    }

    static String row(double[] api, double[] service, double[] raw) {
        return String.format(
                "API p50 %7.2f p95 %7.2f ms | service p50 %7.2f p95 %7.2f | raw SQL p50 %7.2f p95 %7.2f"
                        + " | p95 API/raw %.2f, service/raw %.2f: %s",
                api[0],
                api[1],
                service[0],
                service[1],
                raw[0],
                raw[1],
                api[1] / raw[1],
                service[1] / raw[1],
                aim(api[1], raw[1]));
    }

    /** The aim for a query through the app: within 2x of the raw SQL, or raw + 10 ms where raw is under 10 ms. */
    static String aim(double app, double raw) {
        boolean met = app <= 2 * raw || (raw < 10 && app <= raw + 10);
        return met ? "aim met" : "aim MISSED";
    }

    /** The machine's load average (1, 5, 15 minutes, then runnable/total tasks), as the figures' context. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
