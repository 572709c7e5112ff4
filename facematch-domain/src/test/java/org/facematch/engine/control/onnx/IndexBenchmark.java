package org.facematch.engine.control.onnx;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import org.apache.lucene.util.VectorUtil;
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

  /** Larger indexes are searched as written: merging millions of faces into one takes hours. */
  static int compactUpTo;

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
    compactUpTo = Integer.getInteger("compactUpTo", 1_000_000);
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
        try (Gallery gallery =
            kind.equals("faces")
                ? Gallery.faces(real, size, 11, dir)
                : Gallery.random(size, 11, dir)) {
          run(kind, gallery, dir, beam, candidates);
        }
      }
    }
  }

  static void run(String kind, Gallery gallery, Path root, int beam, int[] candidates)
      throws Exception {
    int size = gallery.size;
    System.out.printf(
        Locale.ROOT,
        "%n== %s, %,d faces (generated in %.1f s)%n",
        kind,
        size,
        gallery.generatedSeconds);

    long t0 = System.nanoTime();
    List<List<Integer>> truth = exactTruth(gallery);
    System.out.printf(
        Locale.ROOT,
        "  exact top 10 of %d probes in %.1f s%n",
        gallery.probes.length,
        (System.nanoTime() - t0) / 1e9);

    baseline(gallery, truth);

    Path dir = root.resolve("facematch-index-bench-" + kind + "-" + size);
    TenantIndex.erase(dir);
    var graphTuning = new TenantIndex.Tuning(0, beam, candidates[0]);
    double build;
    t0 = System.nanoTime();
    try (TenantIndex index = TenantIndex.open(dir, graphTuning)) {
      addAll(index, gallery);
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
      build = added;
      if (size <= compactUpTo) {
        long m0 = System.nanoTime();
        index.compact();
        index.commit();
        double merged = (System.nanoTime() - m0) / 1e9;
        build += merged;
        System.out.printf(Locale.ROOT, "  merged into one segment in %.1f s%n", merged);
      } else {
        System.out.printf(
            Locale.ROOT, "  not merged into one segment: more than %,d faces%n", compactUpTo);
      }
    }
    long heap0 = usedHeap();
    for (int c : candidates) {
      t0 = System.nanoTime();
      try (TenantIndex graph = TenantIndex.open(dir, new TenantIndex.Tuning(0, beam, c))) {
        double open = (System.nanoTime() - t0) / 1e9;
        long graphHeap = usedHeap() - heap0;
        long disk = graph.bytesOnDisk();
        graph.search(gallery.probes[0], FLOOR, 10);
        Recall recall = recall(graph, gallery, truth);
        print(
            "Lucene HNSW int7, " + c + " cand., " + graph.segments() + " seg.",
            build,
            open,
            disk / (double) size,
            graphHeap / (double) size,
            latency(p -> graph.search(p, FLOOR, 10), gallery.probes),
            recall.atTen,
            recall.identity);
      }
    }
    // an exact search reads every vector: at millions of faces, fewer probes keep this row short
    float[][] exactProbes =
        Arrays.copyOf(gallery.probes, Math.max(20, (int) Math.min(PROBES, 300_000_000L / size)));
    try (TenantIndex flat =
        TenantIndex.open(dir, new TenantIndex.Tuning(Integer.MAX_VALUE, beam, candidates[0]))) {
      Recall recall = recall(flat, gallery, truth, exactProbes.length);
      print(
          "Lucene raw vectors, exact, " + exactProbes.length + " pr.",
          0,
          0,
          0,
          0,
          latency(p -> flat.search(p, FLOOR, 10), exactProbes),
          recall.atTen,
          recall.identity);
    }
    TenantIndex.erase(dir);
  }

  /** Adds the gallery one face at a time from two threads, as a node's writers do, and commits. */
  static void addAll(TenantIndex index, Gallery gallery) throws Exception {
    int size = gallery.size;
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int first = w;
        done.add(
            writers.submit(
                () -> {
                  for (int i = first; i < size; i += 2) {
                    index.put(Integer.toString(i), gallery.vector(i));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      writers.shutdown();
    }
    index.appliedUpTo(size);
    index.commit();
  }

  /** The design before the Lucene index, where its one array can hold the gallery. */
  static void baseline(Gallery gallery, List<List<Integer>> truth) throws Exception {
    int size = gallery.size;
    long heap0 = usedHeap();
    long t0 = System.nanoTime();
    ArrayScan scan;
    try {
      scan = new ArrayScan(DIM, size);
    } catch (NegativeArraySizeException | OutOfMemoryError e) {
      System.out.printf(
          Locale.ROOT,
          "  %-36s cannot hold %,d faces: %s%n",
          "exact scan, float[] (before)",
          size,
          e);
      return;
    }
    for (int i = 0; i < size; i++) {
      scan.add(gallery.vector(i));
    }
    double build = (System.nanoTime() - t0) / 1e9;
    long heap = usedHeap() - heap0;
    print(
        "exact scan, float[] (before)",
        build,
        0,
        0,
        heap / (double) size,
        latency(p -> scan.top(p, 10), gallery.probes),
        recall(p -> scan.top(p, 10), gallery.probes, truth),
        1.0);
  }

  record Recall(double atTen, double identity) {}

  static Recall recall(TenantIndex index, Gallery gallery, List<List<Integer>> truth) {
    return recall(index, gallery, truth, gallery.probes.length);
  }

  /** recall@10 of a search that returns ids, over the first probes. */
  static double recall(
      Function<float[], List<Integer>> search, float[][] probes, List<List<Integer>> truth) {
    long found = 0;
    for (int p = 0; p < probes.length; p++) {
      Set<Integer> got = new HashSet<>(search.apply(probes[p]));
      found += truth.get(p).stream().filter(got::contains).count();
    }
    return found / (10.0 * probes.length);
  }

  static Recall recall(TenantIndex index, Gallery gallery, List<List<Integer>> truth, int probes) {
    long found = 0;
    long expected = 0;
    long ownFound = 0;
    long ownExpected = 0;
    for (int p = 0; p < probes; p++) {
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
        if (dot(gallery.vector(own), gallery.probes[p]) >= FLOOR) {
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
    for (int i = 0; i < Math.min(50, probes.length); i++) {
      search.apply(probes[i]);
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

  /**
   * The exact 10 nearest gallery faces of every probe, in one pass over the gallery split between
   * two threads: the baseline array cannot hold more than 4,194,303 faces of 512 floats.
   */
  static List<List<Integer>> exactTruth(Gallery gallery) throws Exception {
    int threads = 2;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      return exactTruth(gallery, threads, pool);
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<List<Integer>> exactTruth(Gallery gallery, int threads, ExecutorService pool)
      throws Exception {
    int probes = gallery.probes.length;
    List<Future<int[][]>> parts = new ArrayList<>();
    List<float[][]> partScores = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int from = (int) ((long) gallery.size * t / threads);
      int to = (int) ((long) gallery.size * (t + 1) / threads);
      float[][] scores = new float[probes][10];
      partScores.add(scores);
      parts.add(
          pool.submit(
              () -> {
                int[][] best = new int[probes][10];
                for (float[] s : scores) {
                  Arrays.fill(s, Float.NEGATIVE_INFINITY);
                }
                for (int i = from; i < to; i++) {
                  float[] v = gallery.vector(i);
                  for (int p = 0; p < probes; p++) {
                    ArrayScan.offer(
                        best[p], scores[p], i, VectorUtil.dotProduct(v, gallery.probes[p]));
                  }
                }
                return best;
              }));
    }
    int[][] best = new int[probes][10];
    float[][] scores = new float[probes][10];
    for (float[] s : scores) {
      Arrays.fill(s, Float.NEGATIVE_INFINITY);
    }
    for (int t = 0; t < threads; t++) {
      int[][] partBest = parts.get(t).get();
      for (int p = 0; p < probes; p++) {
        for (int j = 0; j < 10; j++) {
          ArrayScan.offer(best[p], scores[p], partBest[p][j], partScores.get(t)[p][j]);
        }
      }
    }
    List<List<Integer>> truth = new ArrayList<>();
    for (int[] b : best) {
      truth.add(Arrays.stream(b).boxed().toList());
    }
    return truth;
  }

  /**
   * Gallery vectors in a file, memory-mapped a gigabyte at a time: 4.3 million faces take 8.8 GB,
   * which would not fit the heap beside the baseline array. Probes, and which gallery photos show
   * each probe's identity, are kept in memory.
   */
  static final class Gallery implements AutoCloseable {
    static final int CHUNK = 1 << 19;

    final int size;
    final float[][] probes = new float[PROBES][];
    final List<int[]> ownPhotos = new ArrayList<>();
    private final Path file;
    private final List<FloatBuffer> chunks = new ArrayList<>();
    double generatedSeconds;

    private Gallery(int size, Path root, String kind) throws IOException {
      this.size = size;
      Files.createDirectories(root);
      this.file = root.resolve("facematch-index-bench-" + kind + "-" + size + ".f32");
      try (FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE)) {
        for (long first = 0; first < size; first += CHUNK) {
          long count = Math.min(CHUNK, size - first);
          chunks.add(
              channel
                  .map(FileChannel.MapMode.READ_WRITE, first * DIM * 4, count * DIM * 4)
                  .order(ByteOrder.nativeOrder())
                  .asFloatBuffer());
        }
      }
    }

    /** A copy of gallery face i's vector; safe from several threads. */
    float[] vector(int i) {
      float[] v = new float[DIM];
      chunks.get(i / CHUNK).get((i % CHUNK) * DIM, v);
      return v;
    }

    private void set(int i, float[] v) {
      chunks.get(i / CHUNK).put((i % CHUNK) * DIM, v);
    }

    /**
     * Identities of 1-3 photos each (most KYC galleries hold one or two per person); an identity is
     * a mix of two real templates, a photo adds noise that puts two photos of one identity at about
     * the cosine of two real photos of one person.
     */
    static Gallery faces(List<float[]> real, int size, long seed, Path root) throws IOException {
      long t0 = System.nanoTime();
      Random random = new Random(seed);
      Gallery g = new Gallery(size, root, "faces");
      int identities = 0;
      int[] firstPhoto = new int[size + 1];
      int[] mixA = new int[size];
      int[] mixB = new int[size];
      double[] weight = new double[size];
      int i = 0;
      while (i < size) {
        mixA[identities] = random.nextInt(real.size());
        mixB[identities] = random.nextInt(real.size());
        weight[identities] = 0.35 + 0.3 * random.nextDouble();
        float[] identity = identity(real, mixA[identities], mixB[identities], weight[identities]);
        firstPhoto[identities++] = i;
        int count = 1 + random.nextInt(3);
        for (int p = 0; p < count && i < size; p++, i++) {
          g.set(i, photo(identity, random));
        }
      }
      firstPhoto[identities] = size;
      for (int p = 0; p < PROBES; p++) {
        int who = random.nextInt(identities);
        g.probes[p] = photo(identity(real, mixA[who], mixB[who], weight[who]), random);
        g.ownPhotos.add(
            java.util.stream.IntStream.range(firstPhoto[who], firstPhoto[who + 1]).toArray());
      }
      g.generatedSeconds = (System.nanoTime() - t0) / 1e9;
      return g;
    }

    static float[] identity(List<float[]> real, int a, int b, double w) {
      float[] identity = new float[DIM];
      for (int d = 0; d < DIM; d++) {
        identity[d] = (float) (w * real.get(a)[d] + (1 - w) * real.get(b)[d]);
      }
      return normalise(identity);
    }

    static Gallery random(int size, long seed, Path root) throws IOException {
      long t0 = System.nanoTime();
      Random random = new Random(seed);
      Gallery g = new Gallery(size, root, "random");
      for (int i = 0; i < size; i++) {
        g.set(i, gaussian(random));
      }
      for (int p = 0; p < PROBES; p++) {
        int who = random.nextInt(size);
        float[] probe = g.vector(who);
        float[] noise = gaussian(random);
        for (int d = 0; d < DIM; d++) {
          probe[d] += 0.8f * noise[d];
        }
        g.probes[p] = normalise(probe);
        g.ownPhotos.add(new int[] {who});
      }
      g.generatedSeconds = (System.nanoTime() - t0) / 1e9;
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

    @Override
    public void close() throws IOException {
      chunks.clear(); // the mappings go with the buffers; the file can be deleted before that
      Files.deleteIfExists(file);
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
