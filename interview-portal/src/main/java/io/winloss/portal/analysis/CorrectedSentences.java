package io.winloss.portal.analysis;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bson.Document;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;

import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sentences people corrected, as labelled data for the tagger: one JSON object per line in the format of
 * nlp-pipeline's evaluation set ({@code {"id","text","competitors","criteria","sentiment"}}), so that its
 * {@code evaluate}, {@code train-criteria} and {@code train-sentiment} read the file as it is (README "Evaluation").
 * A sentence's tags are the ones the person set; a kind of tag the correction left alone is the machine's, which the
 * person saw and kept. Only buyer sentences carry tags, so only they are written; {@code id} is the analysed target and
 * the sentence's index ({@code interview:<id>#<index>}).
 */
@Component
public class CorrectedSentences {

    /** One line of the file. */
    record Line(String id, String text, List<String> competitors, List<String> criteria, String sentiment) {
    }

    private final Store store;
    private final Analyses analyses;
    private final JsonMapper json;

    CorrectedSentences(Store store, Analyses analyses, JsonMapper json) {
        this.store = store;
        this.analyses = analyses;
        this.json = json;
    }

    /** The workspace's corrected buyer sentences, target by target in the conversation's order. */
    Flux<Line> lines(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.CORRECTIONS).find(new Document(), Sorts.ascending("target"))
                .map(d -> d.getString("target"))
                .distinct()
                .concatMap(target -> analyses.read(workspace, target).flatMapIterable(sentences -> sentences.stream()
                        .filter(s -> s.corrected() && s.machine().buyer())
                        .map(s -> new Line(target + "#" + s.machine().index(), s.machine().text(), s.competitors(),
                                s.criteria(), s.sentiment() == null ? "neutral" : s.sentiment()))
                        .toList()));
    }

    /** The lines as a download, {@code corrections.jsonl}, streamed. */
    public Mono<ResponseEntity<Flux<DataBuffer>>> download(WorkspaceId workspace) {
        Flux<DataBuffer> body = lines(workspace).map(line -> DefaultDataBufferFactory.sharedInstance
                .wrap((json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_NDJSON);
        headers.setContentDisposition(ContentDisposition.attachment().filename("corrections.jsonl").build());
        return Mono.just(ResponseEntity.ok().headers(headers).body(body));
    }
}
