package org.facematch.engine.control.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.VectorUtil;
import org.facematch.engine.control.index.TenantIndex;

/**
 * Searching an index of many segments, as a node's index is after it has taken a bulk import: the
 * graph of every segment asked for all candidates (Lucene's query, sharing the best score found so
 * far between segments), against each segment asked for its share of them by size. Reads an
 * existing index (a server's, stopped: the last row opens it for writing), builds probes from its
 * own vectors plus photo-like noise, and prints p50/p99 and recall@10 against the exact scan for
 * each, side by side.
 *
 * <p>{@code mvn -q -pl facematch-domain -Pbenchmark -Dbench=SegmentSearch -Dindex=/path/to/tenant}
 */
public final class SegmentSearchBenchmark {

  static final int PROBES = 200;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("index"));
    int candidates = Integer.getInteger("candidates", 200);
    try (var directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null);
      float[][] probes = probes(reader);
      List<Set<Integer>> truth = new ArrayList<>();
      for (float[] p : probes) {
        truth.add(exactTop(reader, p, 10));
      }
      System.out.printf(
          Locale.ROOT,
          "%,d faces in %d segments, %d candidates%n",
          reader.numDocs(),
          reader.leaves().size(),
          candidates);
      report(
          "every segment asked for all (Lucene's query)",
          probes,
          truth,
          p -> all(searcher, p, candidates));
      for (double share : new double[] {1.0, 1.5, 2.0}) {
        for (int floor : new int[] {20, 50}) {
          report(
              "each segment its share x" + share + ", at least " + floor,
              probes,
              truth,
              p -> shared(reader, p, candidates, share, floor));
        }
      }
    }
    // the product's path: shares x2, at least 20, rescored exactly, ids read
    try (TenantIndex index = TenantIndex.open(dir, new TenantIndex.Tuning(0, 100, candidates));
        var directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      float[][] probes = probes(reader);
      for (int i = 0; i < 30; i++) {
        index.search(probes[i], 0.3, 10);
      }
      double[] millis = new double[probes.length];
      for (int i = 0; i < probes.length; i++) {
        long t0 = System.nanoTime();
        index.search(probes[i], 0.3, 10);
        millis[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(millis);
      System.out.printf(
          Locale.ROOT,
          "  %-44s p50 %6.2f ms  p99 %6.2f ms%n",
          "TenantIndex.search (rescored, ids)",
          millis[millis.length / 2],
          millis[(int) (millis.length * 0.99)]);
    }
  }

  static List<Integer> all(IndexSearcher searcher, float[] probe, int k) {
    try {
      TopDocs top = searcher.search(new KnnFloatVectorQuery("v", probe, k), k);
      List<Integer> docs = new ArrayList<>();
      for (ScoreDoc d : top.scoreDocs) {
        docs.add(d.doc);
      }
      return docs;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Integer> shared(
      DirectoryReader reader, float[] probe, int k, double share, int floor) {
    try {
      List<Integer> docs = new ArrayList<>();
      int total = reader.numDocs();
      for (LeafReaderContext leaf : reader.leaves()) {
        int n = leaf.reader().numDocs();
        int kLeaf = (int) Math.min(k, Math.max(floor, Math.ceil(share * k * n / (double) total)));
        TopDocs top =
            leaf.reader()
                .searchNearestVectors(
                    "v", probe, kLeaf, leaf.reader().getLiveDocs(), Integer.MAX_VALUE);
        for (ScoreDoc d : top.scoreDocs) {
          docs.add(leaf.docBase + d.doc);
        }
      }
      return docs;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void report(
      String design,
      float[][] probes,
      List<Set<Integer>> truth,
      Function<float[], List<Integer>> search) {
    for (int i = 0; i < 30; i++) {
      search.apply(probes[i]);
    }
    double[] millis = new double[probes.length];
    long found = 0;
    long candidates = 0;
    for (int i = 0; i < probes.length; i++) {
      long t0 = System.nanoTime();
      List<Integer> docs = search.apply(probes[i]);
      millis[i] = (System.nanoTime() - t0) / 1e6;
      candidates += docs.size();
      Set<Integer> got = new HashSet<>(docs);
      for (int d : truth.get(i)) {
        if (got.contains(d)) {
          found++;
        }
      }
    }
    Arrays.sort(millis);
    System.out.printf(
        Locale.ROOT,
        "  %-44s p50 %6.2f ms  p99 %6.2f ms  recall@10 %.4f  candidates %.0f%n",
        design,
        millis[millis.length / 2],
        millis[(int) (millis.length * 0.99)],
        found / (10.0 * probes.length),
        candidates / (double) probes.length);
  }

  /** Vectors of the index plus noise of norm 0.75: another photo of the same face. */
  static float[][] probes(DirectoryReader reader) throws Exception {
    Random random = new Random(5);
    float[][] probes = new float[PROBES][];
    List<LeafReaderContext> leaves = reader.leaves();
    for (int p = 0; p < PROBES; p++) {
      LeafReaderContext leaf = leaves.get(random.nextInt(leaves.size()));
      FloatVectorValues values = leaf.reader().getFloatVectorValues("v");
      int target = random.nextInt(leaf.reader().maxDoc());
      int doc = values.advance(target);
      if (doc == DocIdSetIterator.NO_MORE_DOCS) {
        p--;
        continue;
      }
      float[] v = values.vectorValue().clone();
      double norm = 0;
      float[] noise = new float[v.length];
      for (int d = 0; d < v.length; d++) {
        noise[d] = (float) random.nextGaussian();
        norm += noise[d] * noise[d];
      }
      double sum = 0;
      for (int d = 0; d < v.length; d++) {
        v[d] += (float) (0.75 * noise[d] / Math.sqrt(norm));
        sum += v[d] * v[d];
      }
      for (int d = 0; d < v.length; d++) {
        v[d] /= (float) Math.sqrt(sum);
      }
      probes[p] = v;
    }
    return probes;
  }

  static Set<Integer> exactTop(DirectoryReader reader, float[] probe, int k) throws Exception {
    int[] best = new int[k];
    float[] scores = new float[k];
    Arrays.fill(scores, Float.NEGATIVE_INFINITY);
    for (LeafReaderContext leaf : reader.leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues("v");
      var live = leaf.reader().getLiveDocs();
      for (int doc = values.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        IndexBenchmark.ArrayScan.offer(
            best, scores, leaf.docBase + doc, VectorUtil.dotProduct(probe, values.vectorValue()));
      }
    }
    Set<Integer> top = new HashSet<>();
    for (int b : best) {
      top.add(b);
    }
    return top;
  }
}
