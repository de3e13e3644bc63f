package io.winloss.portal.interview;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounds the whole body of a transcript upload ({@code POST /api/interviews} and the page's {@code POST /interviews}),
 * whatever its parts: a request that declares more than {@link #MAX_REQUEST_BYTES} is refused before a byte of it is
 * read, and one that streams more without saying so (chunked) is cut off at the limit, so neither is buffered to
 * disk whole. The limit is applied to the request itself, below the exchange, because the multipart form is parsed
 * from the original request (the page's CSRF check reads it before any controller). Whoever meets the refusal first
 * answers 413: the controllers' error handling, or, when the CSRF check read the form, this filter, with the page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadSizeLimit implements HttpHandlerDecoratorFactory, WebFilter {

    /** The most one upload request may carry: the page's {@link UploadRequest#MAX_FILES} files are not all 20 MB at once. */
    static final long MAX_REQUEST_BYTES = 100L * 1024 * 1024;
    static final String VIEW_TOO_LARGE = "error/too-large";

    private final List<ViewResolver> viewResolvers;
    private final ServerCodecConfigurer codecs;

    UploadSizeLimit(List<ViewResolver> viewResolvers, ServerCodecConfigurer codecs) {
        this.viewResolvers = viewResolvers;
        this.codecs = codecs;
    }

    static boolean isUpload(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        return HttpMethod.POST.equals(request.getMethod()) && (path.equals("/api/interviews") || path.equals("/interviews"));
    }

    @Override
    public HttpHandler apply(HttpHandler handler) {
        return (request, response) -> handler.handle(isUpload(request) ? limited(request) : request, response);
    }

    private static ServerHttpRequest limited(ServerHttpRequest request) {
        long declared = request.getHeaders().getContentLength();
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                if (declared > MAX_REQUEST_BYTES) {
                    return Flux.error(UploadTooLarge.request());
                }
                AtomicLong read = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (read.addAndGet(buffer.readableByteCount()) > MAX_REQUEST_BYTES) {
                        DataBufferUtils.release(buffer);
                        sink.error(UploadTooLarge.request());
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
    }

    /**
     * A page upload refused while the CSRF check read its form never reaches the controller: it gets the refusal
     * page here. API uploads are not read before their controller, which answers them.
     */
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isUpload(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).onErrorResume(e -> e instanceof UploadTooLarge || e instanceof DataBufferLimitException,
                e -> exchange.getResponse().isCommitted() ? Mono.error(e) : refuse(exchange, e));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Throwable e) {
        String message = e instanceof UploadTooLarge ? e.getMessage() : UploadTooLarge.file("the file").getMessage();
        exchange.getResponse().getHeaders().setConnection("close");
        if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
            return ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("errors", List.of(Map.of("field", "file", "message", message))))
                    .flatMap(response -> response.writeTo(exchange, context()));
        }
        return ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.TEXT_HTML)
                .render(VIEW_TOO_LARGE, Map.of("message", message))
                .flatMap(response -> response.writeTo(exchange, context()));
    }

    private ServerResponse.Context context() {
        return new ServerResponse.Context() {
            @Override
            public List<org.springframework.http.codec.HttpMessageWriter<?>> messageWriters() {
                return codecs.getWriters();
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return viewResolvers;
            }
        };
    }
}
