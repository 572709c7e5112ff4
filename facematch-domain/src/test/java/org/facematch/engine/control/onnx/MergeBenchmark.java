package org.facematch.engine.control.onnx;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.facematch.engine.control.index.TenantIndex;

/**
 * How the index is written decides how many segments a search walks, and so its latency at millions
 * of faces; fewer segments cost merge CPU. For each writer shape (buffer size and segments per size
 * tier), side by side in one run on one gallery, this builds the index the way a node does (faces
 * added one at a time by two threads, Lucene merging in the background), waits until the merge
 * policy is satisfied, and prints: time to add, time until merges settle, the process's CPU seconds
 * for all of it, segments, disk per face, search p50/p99 with 1 and 4 concurrent searches and
 * recall@10 against the exact top 10.
 *
 * <p>{@code mvn -q -pl facematch-domain -Pbenchmark -Dbench=Merge [-Dsize=1000000]
 * [-Dshapes=64:10:2,64:4:256] (buffer MB:segments per tier:floor segment MB) [-Dkind=faces|random]
 * [-Ddir=…]}
 */
public final class MergeBenchmark {

  public static void main(String[] args) throws Exception {
    int size = Integer.getInteger("size", 1_000_000);
    String kind = System.getProperty("kind", "faces");
    int candidates = Integer.getInteger("candidates", 200);
    List<String> shapes =
        List.of(System.getProperty("shapes", "64:10:2,64:10:256,64:4:256,256:4:256").split(","));
    Path root = Path.of(System.getProperty("dir", System.getProperty("java.io.tmpdir")));
    System.out.printf(
        Locale.ROOT,
        "Merge benchmark: %d vCPUs, heap max %d MB, Java %s, %,d %s faces, shapes %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"),
        size,
        kind,
        shapes);
    try (IndexBenchmark.Gallery gallery =
        kind.equals("faces")
            ? IndexBenchmark.Gallery.faces(IndexBenchmark.realTemplates(), size, 11, root)
            : IndexBenchmark.Gallery.random(size, 11, root)) {
      long t0 = System.nanoTime();
      List<List<Integer>> truth = IndexBenchmark.exactTruth(gallery);
      System.out.printf(
          Locale.ROOT, "exact top 10 of the probes in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      for (String shape : shapes) {
        String[] parts = shape.split(":");
        int buffer = Integer.parseInt(parts[0]);
        double perTier = Double.parseDouble(parts[1]);
        double floor = Double.parseDouble(parts[2]);
        var tuning = new TenantIndex.Tuning(0, 100, candidates, perTier, floor, buffer, buffer);
        run(
            gallery,
            truth,
            root.resolve("facematch-merge-bench-" + shape.replace(':', '-')),
            tuning);
      }
    }
  }

  static void run(
      IndexBenchmark.Gallery gallery,
      List<List<Integer>> truth,
      Path dir,
      TenantIndex.Tuning tuning)
      throws Exception {
    OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    TenantIndex.erase(dir);
    int size = gallery.size;
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    try (TenantIndex index = TenantIndex.open(dir, tuning)) {
      IndexBenchmark.addAll(index, gallery);
      double added = (System.nanoTime() - t0) / 1e9;
      int asWritten = index.segments();
      index.awaitMerges();
      index.commit();
      double settled = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      IndexBenchmark.Recall recall = IndexBenchmark.recall(index, gallery, truth);
      IndexBenchmark.Latency l =
          IndexBenchmark.latency(p -> index.search(p, IndexBenchmark.FLOOR, 10), gallery.probes);
      System.out.printf(
          Locale.ROOT,
          "  buffer %4d MB, %4.1f per tier, floor %4.0f MB: added in %7.1f s (%d segments), merges settled at %7.1f"
              + " s, CPU %7.1f s, %3d segments, disk %5.0f B/face%n"
              + "      1 search p50 %6.2f p99 %6.2f ms | 4 at once p50 %6.2f p99 %6.2f ms"
              + " | recall@10 %.4f | own photos %.4f%n",
          tuning.bufferMB(),
          tuning.segmentsPerTier(),
          tuning.floorSegmentMB(),
          added,
          asWritten,
          settled,
          cpu,
          index.segments(),
          index.bytesOnDisk() / (double) size,
          l.p50one(),
          l.p99one(),
          l.p50four(),
          l.p99four(),
          recall.atTen(),
          recall.identity());
    }
    TenantIndex.erase(dir);
  }

  private MergeBenchmark() {}
}
