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
     * p50 and p95 of each call, in milliseconds, timed in turn within every run (after a few warm-up
     * rounds): on a shared machine a burst of load then falls on all of them alike, so their ratios hold.
     */
    static double[][] interleaved(int runs, List<Supplier<?>> calls) {
        for (int i = 0; i < 3; i++) {
            calls.forEach(Supplier::get); // warm-up
        }
        List<List<Double>> ms = new ArrayList<>();
        calls.forEach(c -> ms.add(new ArrayList<>()));
        for (int i = 0; i < runs; i++) {
            for (int c = 0; c < calls.size(); c++) {
                long t = System.nanoTime();
                calls.get(c).get();
                ms.get(c).add((System.nanoTime() - t) / 1e6);
            }
        }
        double[][] result = new double[calls.size()][];
        for (int c = 0; c < calls.size(); c++) {
            double[] sorted =
                    ms.get(c).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            result[c] = new double[] {sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1]};
        }
        return result;
    }
}
