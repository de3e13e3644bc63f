package io.winloss.portal.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The limits that apply before anyone is signed in, so they run before Spring Security (which sits at -100):
 * buyer token pages and shared reports per client IP, {@code POST /login} per IP and per submitted username, the
 * CRM webhook per workspace named, and {@code /api/**} calls without good credentials per IP. A call with credentials
 * is let through to authentication, but a refused one (401) is charged to its IP's anonymous budget, and an IP that
 * has used that budget up is refused before its credentials are even checked: guessing passwords over HTTP Basic
 * costs the same as calling without any. Signed-in API users are limited after authentication by
 * {@link ApiUserLimitFilter}.
 */
@Component
@Order(-200)
class RateLimitFilter implements WebFilter {

    private final RateLimitSettings settings;
    private final TooManyRequests refusal;
    private final ClientBuckets pages;
    private final ClientBuckets login;
    private final ClientBuckets loginUsername;
    private final ClientBuckets apiAnonymous;
    private final ClientBuckets webhook;

    RateLimitFilter(RateLimitSettings settings, TooManyRequests refusal) {
        this.settings = settings;
        this.refusal = refusal;
        this.pages = buckets(settings.pages());
        this.login = buckets(settings.login());
        this.loginUsername = buckets(settings.loginUsername());
        this.apiAnonymous = buckets(settings.apiAnonymous());
        this.webhook = buckets(settings.webhook());
    }

    private ClientBuckets buckets(RateLimitSettings.Limit limit) {
        return new ClientBuckets(limit, settings.maxClients(), settings.idleAfter());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (path.startsWith("/s/") || path.startsWith("/r/")) {
            return limited(exchange, chain, pages.take(client(exchange)), "pages");
        }
        if (path.equals("/login") && HttpMethod.POST.equals(request.getMethod())) {
            return loginAttempt(exchange, chain);
        }
        if (path.startsWith("/api/")) {
            if (isCrmWebhook(request, path)) {
                String workspace = path.length() > "/api/webhooks/crm/".length()
                        ? path.substring("/api/webhooks/crm/".length())
                        : request.getHeaders().getFirst("X-Workspace");
                if (workspace != null && !workspace.isBlank()) {
                    return limited(exchange, chain, webhook.take(workspace.trim()), "webhook");
                }
                return limited(exchange, chain, apiAnonymous.take(client(exchange)), "api-anonymous");
            }
            return apiCall(exchange, chain);
        }
        return chain.filter(exchange);
    }

    static boolean isCrmWebhook(ServerHttpRequest request, String path) {
        return HttpMethod.POST.equals(request.getMethod()) && (path.equals("/api/webhooks/crm") || path.startsWith("/api/webhooks/crm/"));
    }

    private Mono<Void> loginAttempt(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<Duration> byIp = login.take(client(exchange));
        if (byIp.isPresent()) {
            return refusal.refuse(exchange, byIp.get(), "login");
        }
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return chain.filter(exchange);
        }
        // The form is read once and cached by the exchange: Spring Security's login reads the same copy.
        return exchange.getFormData().flatMap(form -> {
            String username = form.getFirst("username");
            String key = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
            return limited(exchange, chain, loginUsername.take(key), "login-username");
        });
    }

    private Mono<Void> apiCall(ServerWebExchange exchange, WebFilterChain chain) {
        String ip = client(exchange);
        if (exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) == null) {
            return limited(exchange, chain, apiAnonymous.take(ip), "api-anonymous");
        }
        Optional<Duration> spent = apiAnonymous.waitFor(ip);
        if (spent.isPresent()) {
            return refusal.refuse(exchange, spent.get(), "api-anonymous");
        }
        exchange.getResponse().beforeCommit(() -> {
            if (HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())) {
                apiAnonymous.charge(ip);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private Mono<Void> limited(ServerWebExchange exchange, WebFilterChain chain, Optional<Duration> wait, String limit) {
        return wait.isPresent() ? refusal.refuse(exchange, wait.get(), limit) : chain.filter(exchange);
    }

    private String client(ServerWebExchange exchange) {
        return ClientAddress.of(exchange, settings.trustedProxy());
    }
}
