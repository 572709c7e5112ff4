package org.facematch.engine.control.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;

/**
 * One tenant's templates of one model, in a Lucene index on local disk: raw float vectors for exact
 * scores, and a graph over 7-bit quantised copies (HNSW) for approximate search once the tenant is
 * large. Every search ends exact: the graph only proposes candidates, whose scores are then
 * computed from the raw vectors. The index remembers, in its commit, the last change of the
 * tenant's change log it holds, so a restart opens it and applies only what came after.
 */
public final class TenantIndex implements AutoCloseable {

  static final String ID = "id";
  static final String VECTOR = "v";
  static final String APPLIED = "applied_seq";
  static final int LEAF_MIN_CANDIDATES = 20;

  /**
   * The shape of the index; each is a trade-off measured in the index and merge benchmarks.
   * segmentsPerTier is how many segments of one size Lucene lets stand before merging them: each
   * segment is searched in turn, so fewer search faster, and cost merge CPU; segments smaller than
   * floorSegmentMB are merged as if they were that large, which spares the small tiers.
   * bulkBufferMB is the writer's buffer while a rebuild fills the index, bufferMB otherwise: every
   * flush of the buffer starts a segment.
   */
  public record Tuning(
      int exactBelow,
      int beamWidth,
      int candidates,
      double segmentsPerTier,
      double floorSegmentMB,
      int bufferMB,
      int bulkBufferMB) {

    public static final double SEGMENTS_PER_TIER = 10;

    /**
     * MergeBenchmark, 1,000,000 faces: Lucene's 2 MB left 12 segments (search p50 6.2 ms), 256 MB
     * left 4 to 6 (2.7-2.9 ms).
     */
    public static final double FLOOR_SEGMENT_MB = 256;

    public static final int BUFFER_MB = 64;
    public static final int BULK_BUFFER_MB = 256;

    public Tuning(int exactBelow, int beamWidth, int candidates) {
      this(
          exactBelow,
          beamWidth,
          candidates,
          SEGMENTS_PER_TIER,
          FLOOR_SEGMENT_MB,
          BUFFER_MB,
          BULK_BUFFER_MB);
    }
  }

  /** A face close to a probe, with its exact cosine. */
  public record Hit(String faceId, double cosine) {}

  private final Path dir;
  private final Tuning tuning;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final AtomicLong applied;
  private volatile boolean created;
  private final AtomicBoolean unsearched = new AtomicBoolean();
  private final AtomicBoolean uncommitted = new AtomicBoolean();
  private final AtomicBoolean removed = new AtomicBoolean();

  private TenantIndex(
      Path dir, Tuning tuning, Directory directory, IndexWriter writer, boolean created)
      throws IOException {
    this.dir = dir;
    this.created = created;
    this.tuning = tuning;
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    long seq = 0;
    for (Map.Entry<String, String> entry : committedData(writer)) {
      if (APPLIED.equals(entry.getKey())) {
        seq = Long.parseLong(entry.getValue());
      }
    }
    this.applied = new AtomicLong(seq);
  }

  /**
   * Opens the index kept in dir, checking every file's checksum, or creates an empty one there when
   * there is none. A damaged index is not opened: {@link CorruptIndex} tells the caller to rebuild
   * it from the database.
   */
  public static TenantIndex open(Path dir, Tuning tuning) {
    try {
      Files.createDirectories(dir);
      Directory directory = FSDirectory.open(dir);
      IndexWriter writer = null;
      try {
        boolean existed = DirectoryReader.indexExists(directory);
        writer = new IndexWriter(directory, config(tuning, existed));
        if (existed) {
          verify(writer);
        } else {
          writer.commit(); // an empty index at change 0 is a valid starting point
        }
        return new TenantIndex(dir, tuning, directory, writer, !existed);
      } catch (IOException | RuntimeException e) {
        closeQuietly(writer);
        closeQuietly(directory);
        throw new CorruptIndex(dir, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the index in " + dir, e);
    }
  }

  /** Deletes an index's files, so the next {@link #open} starts empty. */
  public static void erase(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot erase the index in " + dir, e);
    }
  }

  private static IndexWriterConfig config(Tuning tuning, boolean existed) {
    KnnVectorsFormat format = new Lucene99HnswScalarQuantizedVectorsFormat(16, tuning.beamWidth());
    Codec codec =
        new Lucene912Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return format;
          }
        };
    // a merge that purges deletions purges every one of them: see commit()
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setForceMergeDeletesPctAllowed(0);
    merges.setSegmentsPerTier(tuning.segmentsPerTier());
    merges.setFloorSegmentMB(tuning.floorSegmentMB());
    return new IndexWriterConfig()
        .setMergePolicy(merges)
        .setCodec(codec)
        .setOpenMode(
            existed ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(tuning.bufferMB())
        .setCommitOnClose(false);
  }

  /** Reads every byte of the committed index and compares it with its checksums. */
  private static void verify(IndexWriter writer) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        leaf.reader().checkIntegrity();
      }
    }
  }

  private static Iterable<Map.Entry<String, String>> committedData(IndexWriter writer) {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    return data == null ? List.of() : data;
  }

  /**
   * Whether the index was created empty when opened, having found none on disk, and has not been
   * filled since.
   */
  public boolean created() {
    return created;
  }

  /** Records that the index now holds what the database held: it needs no filling any more. */
  public void filled() {
    created = false;
  }

  /** The last change of the tenant's log this index holds. */
  public long applied() {
    return applied.get();
  }

  /**
   * While on, the writer buffers {@link Tuning#bulkBufferMB} before it flushes a segment, so a
   * rebuild of many faces starts fewer, larger segments.
   */
  public void bulk(boolean on) {
    writer.getConfig().setRAMBufferSizeMB(on ? tuning.bulkBufferMB() : tuning.bufferMB());
  }

  /** Waits until the merges that the merge policy wants now have run; for benchmarks and tests. */
  public void awaitMerges() {
    try {
      writer.maybeMerge();
      while (writer.hasPendingMerges()
          || ((ConcurrentMergeScheduler) writer.getConfig().getMergeScheduler()).mergeThreadCount()
              > 0) {
        Thread.sleep(50);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Adds a face, or replaces its template. */
  public void put(String faceId, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField(ID, faceId, Field.Store.YES));
    doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    try {
      writer.updateDocument(new Term(ID, faceId), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    changed();
  }

  public void remove(String faceId) {
    try {
      writer.deleteDocuments(new Term(ID, faceId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    removed.set(true);
    changed();
  }

  /** Records that the index now holds every change up to seq; made durable by {@link #commit}. */
  public void appliedUpTo(long seq) {
    applied.set(seq);
    uncommitted.set(true);
  }

  private void changed() {
    unsearched.set(true);
    uncommitted.set(true);
  }

  /**
   * Makes the applied changes durable; a crash before it replays them from the change log. Lucene
   * only marks a removed face's document deleted, its vectors stay in the segment's files: the
   * segments holding removals are rewritten without them, and once the rewrite is committed the old
   * files are deleted. The rewrite runs in the background; the commit after it ends drops the old
   * files.
   */
  public void commit() {
    if (!uncommitted.getAndSet(false) && !writer.hasUncommittedChanges()) {
      return;
    }
    boolean purge = removed.getAndSet(false);
    try {
      if (purge) {
        writer.forceMergeDeletes(false);
      }
      writer.setLiveCommitData(Map.of(APPLIED, Long.toString(applied.get())).entrySet());
      writer.commit();
      // the searchers' reader holds the old segments' files until it is replaced
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      uncommitted.set(true);
      removed.compareAndSet(false, purge);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** Segments searchable now: each has its own graph, searched in turn. */
  public int segments() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().leaves().size();
    } finally {
      release(searcher);
    }
  }

  /** Faces searchable now. */
  public int size() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      release(searcher);
    }
  }

  /**
   * The faces whose cosine with the probe is at least minCosine, best first, at most maxHits: exact
   * below {@link Tuning#exactBelow} faces, else the graph's best candidates rescored exactly.
   */
  public List<Hit> search(float[] probe, double minCosine, int maxHits) {
    IndexSearcher searcher = acquire();
    try {
      int faces = searcher.getIndexReader().numDocs();
      if (faces == 0) {
        return List.of();
      }
      List<Scored> scored =
          faces < tuning.exactBelow()
              ? scan(searcher, probe, minCosine)
              : approximate(searcher, probe, minCosine, maxHits);
      scored.sort(Comparator.comparingDouble(Scored::cosine).reversed());
      List<Hit> hits = new ArrayList<>(Math.min(maxHits, scored.size()));
      for (Scored s : scored.subList(0, Math.min(maxHits, scored.size()))) {
        hits.add(new Hit(searcher.storedFields().document(s.doc()).get(ID), s.cosine()));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  private record Scored(int doc, double cosine) {}

  private static List<Scored> scan(IndexSearcher searcher, float[] probe, double minCosine)
      throws IOException {
    List<Scored> scored = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafReader reader = leaf.reader();
      FloatVectorValues vectors = reader.getFloatVectorValues(VECTOR);
      if (vectors == null) {
        continue;
      }
      Bits live = reader.getLiveDocs();
      for (int doc = vectors.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = vectors.nextDoc()) {
        if (live == null || live.get(doc)) {
          float cosine = VectorUtil.dotProduct(probe, vectors.vectorValue());
          if (cosine >= minCosine) {
            scored.add(new Scored(leaf.docBase + doc, cosine));
          }
        }
      }
    }
    return scored;
  }

  /**
   * Asks each segment's graph for its share of {@link Tuning#candidates} (however few hits are
   * wanted: fewer candidates find fewer of the true nearest), twice its share of the faces and at
   * least {@link #LEAF_MIN_CANDIDATES}, and rescores them exactly. While a segment gives all it was
   * asked for and even the worst of them is still above minCosine, it may hold more, so it is asked
   * again for twice as many, up to maxHits. Most probes match a handful of faces, so most segments
   * are asked once.
   *
   * <p>A node that has taken a bulk import holds dozens of segments. Asking every one for all the
   * candidates (Lucene's query) took 6.2 ms p50 and 10.8 ms p99 at a million faces in 29 segments;
   * shares 3.7 and 5.0 ms, at a higher recall@10 (0.9955 against 0.9905; SegmentSearchBenchmark).
   */
  private List<Scored> approximate(
      IndexSearcher searcher, float[] probe, double minCosine, int maxHits) throws IOException {
    int candidates = Math.max(1, tuning.candidates());
    int total = searcher.getIndexReader().numDocs();
    List<Scored> found = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      int faces = leaf.reader().numDocs();
      if (faces == 0) {
        continue;
      }
      int share = (int) Math.ceil(2.0 * candidates * faces / total);
      int k = Math.min(candidates, Math.max(LEAF_MIN_CANDIDATES, share));
      while (true) {
        List<Scored> scored = rescore(leaf, probe, k);
        double worst = scored.stream().mapToDouble(Scored::cosine).min().orElse(-1);
        if (scored.size() < k || worst < minCosine || k >= maxHits) {
          scored.stream().filter(s -> s.cosine() >= minCosine).forEach(found::add);
          break;
        }
        k = Math.min(2 * k, maxHits);
      }
    }
    return found;
  }

  /** The segment graph's k best candidates, scored exactly from the raw vectors. */
  private static List<Scored> rescore(LeafReaderContext leaf, float[] probe, int k)
      throws IOException {
    LeafReader reader = leaf.reader();
    TopDocs top =
        reader.searchNearestVectors(VECTOR, probe, k, reader.getLiveDocs(), Integer.MAX_VALUE);
    ScoreDoc[] docs = top.scoreDocs.clone();
    Arrays.sort(docs, Comparator.comparingInt(d -> d.doc));
    FloatVectorValues vectors = reader.getFloatVectorValues(VECTOR);
    List<Scored> scored = new ArrayList<>(docs.length);
    for (ScoreDoc d : docs) {
      if (vectors.docID() < d.doc && vectors.advance(d.doc) == d.doc) {
        scored.add(
            new Scored(leaf.docBase + d.doc, VectorUtil.dotProduct(probe, vectors.vectorValue())));
      }
    }
    return scored;
  }

  private IndexSearcher acquire() {
    try {
      if (unsearched.getAndSet(false)) {
        searchers.maybeRefreshBlocking();
      }
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Merges the index into one segment: one graph to search instead of several. */
  public void compact() {
    try {
      writer.forceMerge(1);
      unsearched.set(true);
      uncommitted.set(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  /** Bytes the index takes on disk. */
  public long bytesOnDisk() {
    long total = 0;
    try {
      for (String file : directory.listAll()) {
        total += directory.fileLength(file);
      }
    } catch (IOException e) {
      return -1;
    }
    return total;
  }

  @Override
  public void close() {
    try {
      commit();
    } finally {
      closeQuietly(searchers);
      closeQuietly(writer);
      closeQuietly(directory);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing after a failure: the original failure is what matters
      }
    }
  }

  /** The index on disk is damaged or unreadable and must be rebuilt. */
  public static final class CorruptIndex extends RuntimeException {
    CorruptIndex(Path dir, Exception cause) {
      super("The index in " + dir + " cannot be opened: " + cause.getMessage(), cause);
    }
  }
}
