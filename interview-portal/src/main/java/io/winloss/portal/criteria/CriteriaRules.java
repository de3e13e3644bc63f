package io.winloss.portal.criteria;

import static com.mongodb.client.model.Filters.eq;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Updates;

import io.winloss.nlp.tagging.CriteriaPatterns;
import io.winloss.nlp.tagging.InvalidTaggingRules;
import io.winloss.portal.account.Staff;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * A workspace's own criteria pattern lines, added to the pipeline's shipped ones, the one way other features read
 * or change them. The lines are stored as the admin wrote them (so errors and the edit box keep their line
 * numbers) in one document whose {@code version} grows with every change; only lines the parser accepts are stored.
 */
@Component
public class CriteriaRules {

    static final int MAX_BYTES = 64 * 1024;
    static final int MAX_LINES = 2_000;

    private static final String LINES = "lines";
    private static final String VERSION = "version";

    /** The shipped patterns, parsed once: immutable, and every workspace's patterns start from them. */
    private static final CriteriaPatterns SHIPPED = CriteriaPatterns.defaults();

    private final Store store;

    CriteriaRules(Store store) {
        this.store = store;
    }

    private TenantCollection documents(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.CRITERIA_PATTERNS);
    }

    private Mono<Document> stored(WorkspaceId workspace) {
        return documents(workspace).findById(workspace.value());
    }

    /** A workspace's extra lines and how many times they have changed (0 when it never had any). */
    public record WorkspaceLines(String lines, long version) {
    }

    /** The workspace's extra lines and their version, read together. */
    public Mono<WorkspaceLines> current(WorkspaceId workspace) {
        return stored(workspace).map(doc -> new WorkspaceLines(doc.get(LINES, ""), version(doc)))
                .defaultIfEmpty(new WorkspaceLines("", 0L));
    }

    /** The workspace's extra lines as the admin wrote them; "" when it has none. */
    public Mono<String> lines(WorkspaceId workspace) {
        return current(workspace).map(WorkspaceLines::lines);
    }

    /** How many times the lines have changed; 0 when the workspace never had any. */
    public Mono<Long> version(WorkspaceId workspace) {
        return current(workspace).map(WorkspaceLines::version);
    }

    /** The shipped patterns extended with the workspace's lines, as the NLP pipeline's tagging rules use them. */
    public Mono<CriteriaPatterns> patterns(WorkspaceId workspace) {
        return lines(workspace).map(CriteriaRules::extended);
    }

    /**
     * Replaces the workspace's lines, or throws {@link InvalidInput} on field {@code lines} with the parser's
     * "line N: reason" (or the size limit broken) and changes nothing.
     */
    public Mono<Void> replace(WorkspaceId workspace, String lines, Staff by) {
        return Mono.fromCallable(() -> checked(lines))
                .flatMap(valid -> documents(workspace).upsert(eq("_id", workspace.value()),
                        Updates.combine(
                                Updates.set(LINES, valid),
                                Updates.inc(VERSION, 1L),
                                Updates.set("updatedAt", new Date()),
                                Updates.set("updatedBy", by.email()))))
                .then();
    }

    /** The text of the shipped patterns file, comments included, for admins to read beside their own lines. */
    public static String shippedText() {
        return ShippedText.TEXT;
    }

    /** The lines as they will be stored, or {@link InvalidInput} saying why they cannot be. */
    static String checked(String lines) {
        String text = lines == null ? "" : lines;
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInput(LINES, "at most " + MAX_BYTES / 1024 + " KB of patterns");
        }
        if (text.split("\\R", -1).length > MAX_LINES) {
            throw new InvalidInput(LINES, "at most " + MAX_LINES + " lines");
        }
        try {
            extended(text);
        } catch (InvalidTaggingRules e) {
            throw new InvalidInput(LINES, e.getMessage());
        }
        return text;
    }

    private static CriteriaPatterns extended(String lines) {
        try {
            return SHIPPED.extendedWith(new StringReader(lines));
        } catch (IOException e) {
            throw new UncheckedIOException("a string cannot fail to read", e);
        }
    }

    private static long version(Document doc) {
        Object version = doc.get(VERSION);
        return version instanceof Number n ? n.longValue() : 0L;
    }

    /** Read once per process, on first use. */
    private static final class ShippedText {
        static final String TEXT = read();

        private static String read() {
            try (InputStream in = CriteriaPatterns.class.getResourceAsStream("criteria.txt")) {
                if (in == null) {
                    throw new IllegalStateException("criteria.txt is missing from the pipeline's jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("criteria.txt cannot be read from the pipeline's jar", e);
            }
        }
    }
}
