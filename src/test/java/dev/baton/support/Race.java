package dev.baton.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs the same work on two threads released at the same moment, as two app instances would. */
public final class Race {

    private Race() {}

    /** Both results, in no particular order; an exception in either run is rethrown. */
    public static <T> List<T> twiceAtOnce(Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> run : runs) {
                results.add(run.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The interleaving that breaks a rule no row lock guards, forced rather than hoped for: {@code first}
     * runs in a transaction that stays open, its change uncommitted, while {@code second} runs on another
     * thread; it commits once {@code second} has returned, or after {@code holdMillis} when {@code second}
     * waits for it (a lock), so that {@code second} then runs after the commit. Without a lock the two
     * interleave every time; with one, never.
     *
     * @return what {@code first} and {@code second} threw, in that order (null: it ran through)
     */
    public static List<Throwable> secondWhileFirstUncommitted(
            TransactionTemplate tx, Runnable first, Runnable second, long holdMillis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstRan = new CountDownLatch(1);
            CountDownLatch secondReturned = new CountDownLatch(1);
            Future<Throwable> one = pool.submit(() -> {
                try {
                    tx.executeWithoutResult(status -> {
                        try {
                            first.run();
                        } finally {
                            firstRan.countDown();
                        }
                        await(secondReturned, holdMillis);
                    });
                    return null;
                } catch (RuntimeException e) {
                    return e;
                } finally {
                    firstRan.countDown();
                }
            });
            firstRan.await();
            Future<Throwable> two = pool.submit(() -> {
                try {
                    second.run();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                } finally {
                    secondReturned.countDown();
                }
            });
            List<Throwable> thrown = new ArrayList<>();
            thrown.add(one.get());
            thrown.add(two.get());
            return thrown;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
