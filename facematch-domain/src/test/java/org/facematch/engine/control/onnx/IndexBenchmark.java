package org.facematch.engine.control.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.facematch.engine.control.index.TenantIndex;
import org.facematch.engine.entity.Embedding;

/**
 * The search index alone, side by side in one run: the exact scan of one float array (the design
 * before the Lucene index), the Lucene index scanned exactly, and the Lucene index searched through
 * its HNSW graph over 7-bit quantised vectors. For each gallery size it prints build and open time,
 * disk and heap per face, search p50/p99 with 1 and 4 concurrent searches, recall@10 against the
 * exact scan, and how many photos of the probe's own identity above the floor were found.
 *
 * <p>Two kinds of templates: "faces" are built from the engine's own templates of the shared photos
 * (each synthetic identity mixes two real templates; its photos add noise, so that two photos of
 * one identity score like two real photos of one person); "random" are random unit vectors, the
 * worst case for a graph.
 *
 * <p>{@code mvn -q -pl facematch-domain -Pbenchmark -Dbench=Index [-Dsizes=100000,1000000]
 * [-Dkinds=faces,random] [-Dbeam=100] [-Dcandidates=200] [-Ddir=/path/with/space]}
 */
public final class IndexBenchmark {

  static final int DIM = 512;
  static final int PROBES = 300;
  static final double FLOOR = 0.3;

  public static void main(String[] args) throws Exception {
    int[] sizes =
        Arrays.stream(System.getProperty("sizes", "100000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    List<String> kinds = List.of(System.getProperty("kinds", "faces,random").split(","));
    int beam = Integer.getInteger("beam", 100);
    int[] candidates =
        Arrays.stream(System.getProperty("candidates", "200").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    Path dir = Path.of(System.getProperty("dir", System.getProperty("java.io.tmpdir")));
    System.out.printf(
        Locale.ROOT,
        "Index benchmark: %d vCPUs, heap max %d MB, Java %s, beam %d, candidates %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"),
        beam,
        Arrays.toString(candidates));
    List<float[]> real = kinds.contains("faces") ? realTemplates() : List.of();
    for (String kind : kinds) {
      for (int size : sizes) {
        Gallery gallery =
            kind.equals("faces") ? Gallery.faces(real, size, 11) : Gallery.random(size, 11);
        run(kind, gallery, dir, beam, candidates);
      }
    }
  }

  static void run(String kind, Gallery gallery, Path root, int beam, int[] candidates)
      throws Exception {
    int size = gallery.vectors.length;
    System.out.printf(Locale.ROOT, "%n== %s, %,d faces%n", kind, size);

    long heap0 = usedHeap();
    long t0 = System.nanoTime();
    ArrayScan scan = new ArrayScan(DIM, size);
    for (int i = 0; i < size; i++) {
      scan.add(gallery.vectors[i]);
    }
    double scanBuild = (System.nanoTime() - t0) / 1e9;
    long scanHeap = usedHeap() - heap0;
    List<List<Integer>> truth = new ArrayList<>();
    for (float[] probe : gallery.probes) {
      truth.add(scan.top(probe, 10));
    }
    print(
        "exact scan, float[] (before)",
        scanBuild,
        0,
        0,
        scanHeap / (double) size,
        latency(p -> scan.top(p, 10), gallery.probes),
        1.0,
        1.0);

    Path dir = root.resolve("facematch-index-bench-" + kind + "-" + size);
    TenantIndex.erase(dir);
    var graphTuning = new TenantIndex.Tuning(0, beam, candidates[0]);
    t0 = System.nanoTime();
    try (TenantIndex index = TenantIndex.open(dir, graphTuning)) {
      ExecutorService writers = Executors.newFixedThreadPool(2);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int first = w;
        done.add(
            writers.submit(
                () -> {
                  for (int i = first; i < size; i += 2) {
                    index.put(Integer.toString(i), gallery.vectors[i]);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      writers.shutdown();
      index.appliedUpTo(size);
      index.commit();
      double added = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT, "  added in %.1f s, %d segments as written%n", added, index.segments());
      Recall asWritten = recall(index, gallery, truth);
      print(
          "Lucene HNSW int7, " + index.segments() + " segments",
          added,
          0,
          index.bytesOnDisk() / (double) size,
          0,
          latency(p -> index.search(p, FLOOR, 10), gallery.probes),
          asWritten.atTen,
          asWritten.identity);
      System.out.printf(Locale.ROOT, "  merging into one segment%n");
      index.compact();
      index.commit();
    }
    double build = (System.nanoTime() - t0) / 1e9;
    heap0 = usedHeap();
    for (int c : candidates) {
      t0 = System.nanoTime();
      try (TenantIndex graph = TenantIndex.open(dir, new TenantIndex.Tuning(0, beam, c))) {
        double open = (System.nanoTime() - t0) / 1e9;
        long graphHeap = usedHeap() - heap0;
        long disk = graph.bytesOnDisk();
        graph.search(gallery.probes[0], FLOOR, 10);
        Recall recall = recall(graph, gallery, truth);
        print(
            "Lucene HNSW int7, " + c + " candidates",
            build,
            open,
            disk / (double) size,
            graphHeap / (double) size,
            latency(p -> graph.search(p, FLOOR, 10), gallery.probes),
            recall.atTen,
            recall.identity);
      }
    }
    try (TenantIndex flat =
        TenantIndex.open(dir, new TenantIndex.Tuning(Integer.MAX_VALUE, beam, candidates[0]))) {
      Recall recall = recall(flat, gallery, truth);
      print(
          "Lucene raw vectors, exact scan",
          0,
          0,
          0,
          0,
          latency(p -> flat.search(p, FLOOR, 10), gallery.probes),
          recall.atTen,
          recall.identity);
    }
    TenantIndex.erase(dir);
  }

  record Recall(double atTen, double identity) {}

  static Recall recall(TenantIndex index, Gallery gallery, List<List<Integer>> truth) {
    long found = 0;
    long expected = 0;
    long ownFound = 0;
    long ownExpected = 0;
    for (int p = 0; p < gallery.probes.length; p++) {
      Set<Integer> got = new HashSet<>();
      for (TenantIndex.Hit hit : index.search(gallery.probes[p], -1, 10)) {
        got.add(Integer.parseInt(hit.faceId()));
      }
      for (int id : truth.get(p)) {
        expected++;
        if (got.contains(id)) {
          found++;
        }
      }
      Set<Integer> above = new HashSet<>();
      for (TenantIndex.Hit hit : index.search(gallery.probes[p], FLOOR, 1000)) {
        above.add(Integer.parseInt(hit.faceId()));
      }
      for (int own : gallery.ownPhotos.get(p)) {
        if (dot(gallery.vectors[own], gallery.probes[p]) >= FLOOR) {
          ownExpected++;
          if (above.contains(own)) {
            ownFound++;
          }
        }
      }
    }
    return new Recall(
        found / (double) expected, ownExpected == 0 ? 1 : ownFound / (double) ownExpected);
  }

  record Latency(double p50one, double p99one, double p50four, double p99four) {}

  static Latency latency(Function<float[], ?> search, float[][] probes) throws Exception {
    for (int i = 0; i < 50; i++) {
      search.apply(probes[i % probes.length]);
    }
    double[] one = new double[probes.length];
    for (int i = 0; i < probes.length; i++) {
      long b = System.nanoTime();
      search.apply(probes[i]);
      one[i] = (System.nanoTime() - b) / 1e6;
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    double[] four = new double[probes.length * 2];
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int first = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = first; i < four.length; i += 4) {
                  long b = System.nanoTime();
                  search.apply(probes[i % probes.length]);
                  four[i] = (System.nanoTime() - b) / 1e6;
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    Arrays.sort(one);
    Arrays.sort(four);
    return new Latency(pct(one, 50), pct(one, 99), pct(four, 50), pct(four, 99));
  }

  static double pct(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
  }

  static void print(
      String design,
      double build,
      double open,
      double diskPerFace,
      double heapPerFace,
      Latency l,
      double recall,
      double identity) {
    System.out.printf(
        Locale.ROOT,
        "  %-36s build %7.1f s  open %5.2f s  disk %6.0f B/face  heap %6.0f B/face%n"
            + "  %-36s 1 search p50 %7.2f p99 %7.2f ms | 4 at once p50 %7.2f p99 %7.2f ms"
            + " | recall@10 %.4f | own photos %.4f%n",
        design,
        build,
        open,
        diskPerFace,
        heapPerFace,
        "",
        l.p50one,
        l.p99one,
        l.p50four,
        l.p99four,
        recall,
        identity);
  }

  static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }

  /** The engine's templates of every acquired photo of the shared sets. */
  static List<float[]> realTemplates() throws IOException {
    Path faces = Path.of(System.getProperty("facematch.shared.faces", "../shared/faces"));
    OnnxFaceModel engine =
        OnnxFaceModel.load(Optional.empty(), false, 1, OnnxFaceModel.MIN_FACE_HEIGHT);
    List<float[]> templates = new ArrayList<>();
    try (var sets = Files.list(faces)) {
      for (Path set : sets.sorted().toList()) {
        if (Files.isRegularFile(set.resolve("labels.csv"))) {
          for (FaceBenchmark.Result r : FaceBenchmark.evaluate(set, engine, 1).acquired()) {
            templates.add(r.embedding().vector());
          }
        }
      }
    } finally {
      engine.stop();
    }
    System.out.printf(Locale.ROOT, "%d real templates from %s%n", templates.size(), faces);
    if (templates.size() < 100) {
      throw new IllegalStateException("Too few shared photos at " + faces.toAbsolutePath());
    }
    return templates;
  }

  /** Gallery vectors, probes, and which gallery photos show each probe's identity. */
  static final class Gallery {
    final float[][] vectors;
    final float[][] probes = new float[PROBES][];
    final List<List<Integer>> ownPhotos = new ArrayList<>();

    Gallery(float[][] vectors) {
      this.vectors = vectors;
    }

    /**
     * Identities of 1-3 photos each (most KYC galleries hold one or two per person); an identity is
     * a mix of two real templates, a photo adds noise that puts two photos of one identity at about
     * the cosine of two real photos of one person.
     */
    static Gallery faces(List<float[]> real, int size, long seed) {
      Random random = new Random(seed);
      Gallery g = new Gallery(new float[size][]);
      List<float[]> identities = new ArrayList<>();
      List<List<Integer>> photosOf = new ArrayList<>();
      int i = 0;
      while (i < size) {
        float[] a = real.get(random.nextInt(real.size()));
        float[] b = real.get(random.nextInt(real.size()));
        float[] identity = new float[DIM];
        double w = 0.35 + 0.3 * random.nextDouble();
        for (int d = 0; d < DIM; d++) {
          identity[d] = (float) (w * a[d] + (1 - w) * b[d]);
        }
        normalise(identity);
        identities.add(identity);
        List<Integer> photos = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int p = 0; p < count && i < size; p++, i++) {
          g.vectors[i] = photo(identity, random);
          photos.add(i);
        }
        photosOf.add(photos);
      }
      for (int p = 0; p < PROBES; p++) {
        int who = random.nextInt(identities.size());
        g.probes[p] = photo(identities.get(who), random);
        g.ownPhotos.add(photosOf.get(who));
      }
      return g;
    }

    static Gallery random(int size, long seed) {
      Random random = new Random(seed);
      Gallery g = new Gallery(new float[size][]);
      for (int i = 0; i < size; i++) {
        g.vectors[i] = gaussian(random);
      }
      for (int p = 0; p < PROBES; p++) {
        int who = random.nextInt(size);
        float[] probe = g.vectors[who].clone();
        float[] noise = gaussian(random);
        for (int d = 0; d < DIM; d++) {
          probe[d] += 0.8f * noise[d];
        }
        g.probes[p] = normalise(probe);
        g.ownPhotos.add(List.of(who));
      }
      return g;
    }

    /** Noise of norm 0.75 on a unit identity: two photos of it then score about 0.65. */
    static float[] photo(float[] identity, Random random) {
      float[] noise = gaussian(random);
      float[] v = new float[DIM];
      for (int d = 0; d < DIM; d++) {
        v[d] = identity[d] + 0.75f * noise[d];
      }
      return normalise(v);
    }
  }

  static float[] gaussian(Random random) {
    float[] v = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) random.nextGaussian();
    }
    return normalise(v);
  }

  static float[] normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    float inv = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }

  static float dot(float[] a, float[] b) {
    return (float) new Embedding(a, "m").cosine(new Embedding(b, "m"));
  }

  /**
   * The index before Lucene: every template in one float array, scanned with eight independent
   * sums. Kept here as the baseline the new index is measured against.
   */
  static final class ArrayScan {
    final int dim;
    final float[] vectors;
    int size;

    ArrayScan(int dim, int capacity) {
      this.dim = dim;
      this.vectors = new float[dim * capacity];
    }

    void add(float[] v) {
      System.arraycopy(v, 0, vectors, size++ * dim, dim);
    }

    List<Integer> top(float[] probe, int k) {
      int[] best = new int[k];
      float[] scores = new float[k];
      Arrays.fill(scores, Float.NEGATIVE_INFINITY);
      for (int i = 0; i < size; i++) {
        offer(best, scores, i, dot(i * dim, probe));
      }
      List<Integer> top = new ArrayList<>();
      for (int j = 0; j < k && j < size; j++) {
        top.add(best[j]);
      }
      return top;
    }

    /** Keeps the best scores so far, best first, in scores and their ids in best. */
    static void offer(int[] best, float[] scores, int id, float score) {
      int k = scores.length;
      if (score > scores[k - 1]) {
        int j = k - 1;
        while (j > 0 && scores[j - 1] < score) {
          scores[j] = scores[j - 1];
          best[j] = best[j - 1];
          j--;
        }
        scores[j] = score;
        best[j] = id;
      }
    }

    private float dot(int offset, float[] probe) {
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      float s4 = 0;
      float s5 = 0;
      float s6 = 0;
      float s7 = 0;
      for (int d = 0; d < dim; d += 8) {
        int o = offset + d;
        s0 += vectors[o] * probe[d];
        s1 += vectors[o + 1] * probe[d + 1];
        s2 += vectors[o + 2] * probe[d + 2];
        s3 += vectors[o + 3] * probe[d + 3];
        s4 += vectors[o + 4] * probe[d + 4];
        s5 += vectors[o + 5] * probe[d + 5];
        s6 += vectors[o + 6] * probe[d + 6];
        s7 += vectors[o + 7] * probe[d + 7];
      }
      return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
  }
}
