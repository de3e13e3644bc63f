package io.winloss.portal.account;

import java.util.UUID;

import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Spring Security's CSRF cookie, with new tokens made on the request's own thread. The library makes each one on
 * its bounded-elastic pool in case the random source blocks; the JDK's default on Linux reads {@code /dev/urandom},
 * which does not, and the hop cost every survey page view a thread handoff, so the rest of the page was rendered on
 * that pool. The token is the library's own (a random UUID), and the cookie is written and read by the library.
 */
final class CookieCsrfTokens implements ServerCsrfTokenRepository {

    /** The names of the tokens made here and of those the cookie repository loads, set on both so they match. */
    private static final String HEADER = "X-XSRF-TOKEN";
    private static final String PARAMETER = "_csrf";

    private final CookieServerCsrfTokenRepository cookies = CookieServerCsrfTokenRepository.withHttpOnlyFalse();

    CookieCsrfTokens() {
        cookies.setHeaderName(HEADER);
        cookies.setParameterName(PARAMETER);
    }

    @Override
    public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> new DefaultCsrfToken(HEADER, PARAMETER, UUID.randomUUID().toString()));
    }

    @Override
    public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
        return cookies.saveToken(exchange, token);
    }

    @Override
    public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
        return cookies.loadToken(exchange);
    }
}
