package io.winloss.portal.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.stereotype.Component;

import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * How often people corrected the machine, per tag, so admins know which tags to trust and which patterns to
 * improve: for each competitor and criterion, how many sentences the machine tagged with it and how many
 * times people added it or removed it; for sentiment, which labels people changed into which.
 */
@Component
public class TagCorrections {

    /** One tag's record: {@code tag} is {@code competitor:HubSpot} or {@code criterion:price}. */
    public record TagRow(String tag, int machineTagged, int added, int removed) {

        /** Share of the machine's tags that people removed, or null before any. */
        public Double removedShare() {
            return machineTagged == 0 ? null : (double) removed / machineTagged;
        }

        public String kind() {
            return tag.substring(0, tag.indexOf(':'));
        }

        public String name() {
            return tag.substring(tag.indexOf(':') + 1);
        }
    }

    public record SentimentChange(String from, String to, int count) {
    }

    public record Report(int analysedSentences, int correctedSentences, List<TagRow> tags, List<SentimentChange> sentiment) {
    }

    private final Store store;

    TagCorrections(Store store) {
        this.store = store;
    }

    public Mono<Report> report(WorkspaceId workspace) {
        Map<String, int[]> tags = new TreeMap<>();
        int[] analysed = {0};
        Mono<Void> machine = store.tenant(workspace, Collections.ANALYSES).find(new Document(), new Document("_id", 1))
                .doOnNext(analysis -> {
                    for (Document sentence : analysis.getList("sentences", Document.class)) {
                        if (!"buyer".equals(sentence.getString("role"))) {
                            continue;
                        }
                        analysed[0]++;
                        sentence.getList("competitors", String.class).forEach(c -> row(tags, "competitor:" + c)[0]++);
                        sentence.getList("criteria", String.class).forEach(c -> row(tags, "criterion:" + c)[0]++);
                    }
                })
                .then();
        Map<String, Integer> changes = new TreeMap<>();
        int[] corrected = {0};
        Mono<Void> people = store.tenant(workspace, Collections.CORRECTIONS).find(new Document(), new Document("_id", 1))
                .doOnNext(correction -> {
                    corrected[0]++;
                    correction.getList("added", String.class, List.of()).forEach(t -> row(tags, t)[1]++);
                    correction.getList("removed", String.class, List.of()).forEach(t -> row(tags, t)[2]++);
                    String from = correction.getString("sentimentFrom");
                    if (from != null) {
                        changes.merge(from + "\n" + correction.getString("sentiment"), 1, Integer::sum);
                    }
                })
                .then();
        return machine.then(people).then(Mono.fromSupplier(() -> {
            List<TagRow> rows = new ArrayList<>();
            tags.forEach((tag, counts) -> rows.add(new TagRow(tag, counts[0], counts[1], counts[2])));
            List<SentimentChange> sentiment = new ArrayList<>();
            changes.forEach((key, count) -> sentiment.add(new SentimentChange(key.split("\n")[0], key.split("\n")[1], count)));
            return new Report(analysed[0], corrected[0], rows, sentiment);
        }));
    }

    private static int[] row(Map<String, int[]> tags, String tag) {
        return tags.computeIfAbsent(tag, t -> new int[3]);
    }
}
