package io.winloss.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes the quote index: one Lucene document per tagged sentence, replaced by id, removed by source or deal.
 * Each {@link #commit(long)} records the change-log position it covers, so a process killed at any moment reopens at
 * its last commit and replays the log from {@link #committedPosition()}: upserts replace by id, so a replay neither
 * loses nor duplicates a sentence. Thread-safe.
 *
 * <pre>{@code
 * try (QuoteIndex index = QuoteIndex.open(dataDir.resolve("quotes"))) {
 *     long from = index.committedPosition();
 *     for (ChangeLogEntry entry : changeLog.after(from)) {   // the portal's ordered log
 *         index.upsert(entry.quote());
 *         index.commit(entry.position());                     // or every few hundred entries
 *     }
 *     QuoteSearch search = new QuoteSearch(index);
 * }
 * }</pre>
 */
public final class QuoteIndex implements AutoCloseable {

    /** Key of the change-log position in a commit's user data. */
    static final String POSITION = "changeLogPosition";
    /** Key of the document format in a commit's user data; absent in indexes written before it existed (format 1). */
    static final String FORMAT = "format";
    /**
     * The document format this code writes. 2: doc values for deal, id, key phrases and aspects, which the themes scan
     * reads. 3: the source key {@link #replaceSource} replaces by. Raise it whenever {@link QuoteDocument} changes what
     * an existing search or write relies on.
     */
    static final int FORMAT_VERSION = 3;

    private final Directory directory;
    private final boolean ownsDirectory;
    private final IndexWriter writer;
    private final FacetsConfig facetsConfig = QuoteDocument.facetsConfig();
    private final SearcherManager searchers;
    private final Object commitLock = new Object();
    private volatile long committedPosition;
    /** True while the index holds documents of an older format: commits keep its old format until a rebuild. */
    private volatile boolean olderDocuments;
    private final String committedFormat;

    private QuoteIndex(Directory directory, boolean ownsDirectory) throws IOException {
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        IndexWriterConfig config = new IndexWriterConfig(QuoteDocument.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        Map<String, String> lastCommit = userDataOfLastCommit(directory);
        this.committedPosition = lastCommit.containsKey(POSITION) ? Long.parseLong(lastCommit.get(POSITION)) : 0;
        this.committedFormat = lastCommit.get(FORMAT);
        this.olderDocuments = writer.getDocStats().numDocs > 0 && !Integer.toString(FORMAT_VERSION).equals(committedFormat);
        this.searchers = new SearcherManager(writer, FacetedSearcher.factory(facetsConfig));
    }

    /** Opens, or creates, the index in folder {@code dir}. */
    public static QuoteIndex open(Path dir) {
        try {
            return new QuoteIndex(FSDirectory.open(dir), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the quote index in " + dir, e);
        }
    }

    /** Opens, or creates, the index in {@code directory}, which the caller closes after this index. */
    public static QuoteIndex open(Directory directory) {
        try {
            return new QuoteIndex(directory, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the quote index in " + directory, e);
        }
    }

    /**
     * Adds the sentence, or replaces the one with the same id in the same workspace. Visible to searches after the next
     * commit or refresh.
     */
    public void upsert(QuoteRecord quote) {
        Objects.requireNonNull(quote, "quote");
        try {
            Document doc = facetsConfig.build(QuoteDocument.of(quote));
            writer.updateDocument(new Term(Fields.KEY, Fields.keyOf(quote.workspaceId(), quote.id())), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index " + quote.id(), e);
        }
    }

    /**
     * Replaces every sentence of one interview or survey response with {@code quotes} in one atomic step (a reader
     * sees the old sentences or the new, never both or neither): how a changed source is re-indexed. Cheaper than
     * {@link #deleteSource} and {@link #upsert} per sentence, one delete term per source instead of one per sentence.
     * No quotes removes the source.
     *
     * @throws IllegalArgumentException when a quote belongs to another workspace or source
     */
    public void replaceSource(String workspaceId, String source, String sourceId, List<QuoteRecord> quotes) {
        for (QuoteRecord quote : quotes) {
            if (!quote.workspaceId().equals(workspaceId) || !quote.source().equals(source)
                    || !quote.sourceId().equals(sourceId)) {
                throw new IllegalArgumentException("sentence " + quote.id() + " is not of " + source + " " + sourceId
                        + " in workspace " + workspaceId);
            }
        }
        if (quotes.isEmpty()) {
            deleteSource(workspaceId, source, sourceId);
            return;
        }
        try {
            List<Document> docs = new ArrayList<>(quotes.size());
            for (QuoteRecord quote : quotes) {
                docs.add(facetsConfig.build(QuoteDocument.of(quote)));
            }
            writer.updateDocuments(new Term(Fields.SOURCE_KEY, Fields.sourceKeyOf(workspaceId, source, sourceId)), docs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index " + source + " " + sourceId, e);
        }
    }

    /** Removes every sentence of one interview or survey response. */
    public void deleteSource(String workspaceId, String source, String sourceId) {
        delete(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.WORKSPACE, workspaceId)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.SOURCE, source)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.SOURCE_ID, sourceId)), Occur.FILTER)
                .build());
    }

    /** Removes every sentence of one deal, from interviews and responses alike. */
    public void deleteDeal(String workspaceId, String dealId) {
        delete(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.WORKSPACE, workspaceId)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.DEAL, dealId)), Occur.FILTER)
                .build());
    }

    /**
     * Removes every sentence of every workspace, to rebuild from the source of truth; durable at the next commit, which
     * records the current format.
     */
    public void deleteAll() {
        try {
            writer.deleteAll();
            olderDocuments = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the quote index", e);
        }
    }

    /**
     * Makes every change so far durable together with {@code position}, the change-log position they cover, and
     * visible to searches.
     */
    public void commit(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("position must be 0 or more, was " + position);
        }
        synchronized (commitLock) {
            try {
                Map<String, String> userData = new HashMap<>();
                userData.put(POSITION, Long.toString(position));
                String format = olderDocuments ? committedFormat : Integer.toString(FORMAT_VERSION);
                if (format != null) {
                    userData.put(FORMAT, format);
                }
                writer.setLiveCommitData(userData.entrySet());
                writer.commit();
                committedPosition = position;
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot commit the quote index at position " + position, e);
            }
        }
    }

    /**
     * Whether the index holds sentences written in an older document format, which searches can no longer read in full
     * (themes, trends and competitor profiles read doc values older documents lack): rebuild it from the source of
     * truth with {@link #deleteAll()}, {@link #commit(long)} and re-indexing. An empty index never needs it; until
     * {@link #deleteAll()}, commits keep the older format, so new sentences never vouch for old ones.
     */
    public boolean needsRebuild() {
        return olderDocuments;
    }

    /** The change-log position of the last commit; 0 for a new index. Replay the log after it. */
    public long committedPosition() {
        return committedPosition;
    }

    /** Makes changes since the last refresh visible to searches, without making them durable. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the quote searcher", e);
        }
    }

    /** Sentences of one workspace, including changes not yet committed. */
    public long count(String workspaceId) {
        refresh();
        IndexSearcher searcher = acquire();
        try {
            return searcher.count(new TermQuery(new Term(Fields.WORKSPACE, workspaceId)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count sentences", e);
        } finally {
            release(searcher);
        }
    }

    /** Discards every change since the last commit and closes, exactly as if the process had been killed. */
    public void rollback() {
        try {
            searchers.close();
            writer.rollback();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot roll back the quote index", e);
        } finally {
            closeDirectory();
        }
    }

    /** Closes the index, keeping changes since the last commit under the last committed position (a replay redoes them). */
    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the quote index", e);
        } finally {
            closeDirectory();
        }
    }

    FacetsConfig facetsConfig() {
        return facetsConfig;
    }

    FacetedSearcher acquire() {
        try {
            return (FacetedSearcher) searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a quote searcher", e);
        }
    }

    void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release a quote searcher", e);
        }
    }

    private void delete(BooleanQuery query) {
        try {
            writer.deleteDocuments(query);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + query, e);
        }
    }

    private void closeDirectory() {
        if (ownsDirectory) {
            try {
                directory.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + directory, e);
            }
        }
    }

    private static Map<String, String> userDataOfLastCommit(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Map.of();
        }
        return SegmentInfos.readLatestCommit(directory).getUserData();
    }
}
