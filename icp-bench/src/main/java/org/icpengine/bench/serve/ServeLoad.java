package org.icpengine.bench.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A closed-loop load client for {@code POST /api/v1/score}: {@code concurrency} threads each send one
 * single-account request, wait for its answer and send the next, for a warm-up (not counted) and then
 * {@code seconds}. The accounts are real rows of {@code GET /api/v1/metrics}, cycled. Uses only
 * {@link java.net.http.HttpClient} (HTTP/1.1, kept-alive connections).
 *
 * <p>Reports requests, errors (any status but 200, or an I/O failure), throughput and the p50, p99 and maximum
 * latency of the measured requests, as one line of {@code key=value} pairs. Exits 1 if any request failed.
 *
 * <p>Usage: {@code ServeLoad URL KEY [seconds=60] [concurrency=32] [warmupSeconds=5]}.
 */
public final class ServeLoad {

    private ServeLoad() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ServeLoad URL KEY [seconds=60] [concurrency=32] [warmupSeconds=5]");
            System.exit(2);
        }
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        String key = args[1];
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<byte[]> bodies = accounts(client, base, key);
        URI score = URI.create(base + "api/v1/score");

        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                int i = id;
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        HttpRequest req = HttpRequest.newBuilder(score).timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i++ % bodies.size()))).build();
                        boolean ok;
                        try {
                            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                            ok = r.statusCode() == 200;
                        } catch (IOException e) {
                            ok = false;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom) {
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = t1 - t0;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    latencies[id] = lat;
                    counts[id] = n;
                    done.countDown();
                }
            }, "load-" + t);
            th.start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(latencies[t], 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        double rps = total / (double) seconds;
        System.out.printf(Locale.ROOT,
                "serve-load seconds=%d concurrency=%d requests=%d errors=%d throughput=%.0f req/s p50=%.2f ms "
                        + "p99=%.2f ms max=%.2f ms%n",
                seconds, concurrency, total, errors.get(), rps, ms(all, 0.50), ms(all, 0.99),
                total == 0 ? Double.NaN : all[total - 1] / 1e6);
        System.exit(errors.get() == 0 && total > 0 ? 0 : 1);
    }

    /** Up to 500 real accounts of the server's metrics, each as a JSON request body. */
    private static List<byte[]> accounts(HttpClient client, String base, String key) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "api/v1/metrics?limit=500"))
                .header("Authorization", "Bearer " + key).build();
        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/metrics answered " + r.statusCode() + ": " + r.body());
        }
        ObjectMapper mapper = new ObjectMapper();
        List<byte[]> out = new ArrayList<>();
        for (JsonNode row : mapper.readTree(r.body()).get("rows")) {
            out.add(mapper.writeValueAsBytes(row));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("the server has no account metrics to score");
        }
        return out;
    }

    /** The {@code q}-quantile of sorted nanosecond latencies, in milliseconds (nearest rank). */
    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
