package io.winloss.portal.insight;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.winloss.portal.account.Staff;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The quote index page for analysts and admins: this process's replica (its sentences of the workspace, its committed
 * change-log position, every replica's last report) and its latest rebuild as a progress bar, followed live by
 * server-sent events; admins rebuild it from here.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class IndexPages {

    static final String VIEW = "search/index";
    static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    private final QuoteIndexer indexer;
    private final Replicas replicas;

    IndexPages(QuoteIndexer indexer, Replicas replicas) {
        this.indexer = indexer;
        this.replicas = replicas;
    }

    @GetMapping("/search/index")
    Mono<String> show(Staff staff, Model model) {
        model.addAttribute("status", indexer.rebuildStatus());
        model.addAttribute("replica", indexer.replicaId());
        return indexer.sentences(staff.workspace())
                .zipWith(replicas.all().collectList())
                .doOnNext(found -> {
                    model.addAttribute("sentences", found.getT1());
                    model.addAttribute("replicas", found.getT2());
                })
                .thenReturn(VIEW);
    }

    /** The instance owner's only, as {@code POST /api/search/rebuild}: the replica holds every workspace's quotes. */
    @PostMapping("/search/index/rebuild")
    @PreAuthorize("hasRole('OWNER')")
    Mono<String> rebuild(Staff staff) {
        return indexer.rebuild().thenReturn("redirect:/search/index");
    }

    /** Server-sent events while this replica rebuilds: {@code progress} every half second, then {@code finished}. */
    @GetMapping(path = "/search/index/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<Map<String, Object>>> progress(Staff staff) {
        return Flux.interval(Duration.ZERO, PROGRESS_EVERY)
                .concatMap(tick -> indexer.sentences(staff.workspace())
                        .map(sentences -> event(indexer.rebuildStatus(), sentences)))
                .takeUntil(event -> "finished".equals(event.event()))
                .take(Duration.ofHours(2));
    }

    private static ServerSentEvent<Map<String, Object>> event(RebuildStatus status, long sentences) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", status.state());
        data.put("done", status.done());
        data.put("total", status.total());
        data.put("totalKnown", status.totalKnown());
        data.put("committedPosition", status.committedPosition());
        data.put("indexedSentences", sentences);
        return ServerSentEvent.<Map<String, Object>>builder()
                .event(status.rebuilding() ? "progress" : "finished")
                .data(data)
                .build();
    }
}
