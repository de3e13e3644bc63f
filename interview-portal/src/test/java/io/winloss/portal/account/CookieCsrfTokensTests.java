package io.winloss.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.csrf.CsrfToken;

class CookieCsrfTokensTests {

    private final CookieCsrfTokens tokens = new CookieCsrfTokens();

    @Test
    void aTokenMadeHereIsTheOneItsCookieGivesBack() {
        MockServerWebExchange page = MockServerWebExchange.from(MockServerHttpRequest.get("/s/link"));
        CsrfToken made = tokens.generateToken(page).block(Duration.ofSeconds(5));
        tokens.saveToken(page, made).block(Duration.ofSeconds(5));
        ResponseCookie cookie = page.getResponse().getCookies().getFirst("XSRF-TOKEN");

        MockServerWebExchange form = MockServerWebExchange.from(MockServerHttpRequest.post("/s/link")
                .cookie(new HttpCookie(cookie.getName(), cookie.getValue())));
        CsrfToken loaded = tokens.loadToken(form).block(Duration.ofSeconds(5));

        assertThat(loaded).extracting(CsrfToken::getHeaderName, CsrfToken::getParameterName, CsrfToken::getToken)
                .containsExactly(made.getHeaderName(), made.getParameterName(), made.getToken());
        assertThat(cookie.isHttpOnly()).as("survey.js reads it for its drafts").isFalse();
    }

    @Test
    void tokensAreMadeOnTheRequestsOwnThreadAndNeverRepeat() {
        MockServerWebExchange page = MockServerWebExchange.from(MockServerHttpRequest.get("/s/link"));
        Thread[] madeOn = new Thread[1];
        CsrfToken first = tokens.generateToken(page).doOnNext(t -> madeOn[0] = Thread.currentThread()).block(Duration.ofSeconds(5));
        CsrfToken second = tokens.generateToken(page).block(Duration.ofSeconds(5));

        assertThat(madeOn[0]).isSameAs(Thread.currentThread());
        assertThat(first.getToken()).hasSize(36).isNotEqualTo(second.getToken());
    }
}
