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
}
