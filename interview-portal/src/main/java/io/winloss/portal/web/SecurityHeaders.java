package io.winloss.portal.web;

import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The browser-side rules every answer carries, pages and {@code /api/**} alike, set through Spring Security's
 * {@code headers()} so both filter chains share one policy:
 * <ul>
 * <li>a Content-Security-Policy that runs only the portal's own script and style files: no inline
 * {@code <script>}, no {@code on...=} handler, no {@code style="..."} (a test scans the templates for them), no
 * plugins, forms posting only back to the portal, and no framing by any site;</li>
 * <li>{@code X-Content-Type-Options: nosniff} and {@code X-Frame-Options: DENY} for browsers older than CSP level 2;</li>
 * <li>{@code Referrer-Policy: strict-origin-when-cross-origin}: another site learns at most the portal's origin, never
 * a survey token in a path. A shared report under {@code /r/} keeps its stricter {@code no-referrer}
 * ({@code share.PublicReportHeaders} sets it first, and Spring Security never overwrites a header already set);</li>
 * <li>a Permissions-Policy that turns off the powerful features no page uses.</li>
 * </ul>
 * Spring Security's defaults stay on beside these: no caching of pages, and HSTS on answers sent over HTTPS. The
 * policy goes through {@code headers().writer(...)} rather than {@code contentSecurityPolicy(...)} only because the
 * DSL takes one policy for every path and the Swagger UI needs a looser one.
 */
public final class SecurityHeaders {

    /**
     * {@code img-src data:} is for the small inline images the stylesheets and Swagger UI use; Chart.js draws on a
     * canvas and htmx's indicator style is switched off in the layout ({@code htmx-config} meta), so neither needs
     * {@code 'unsafe-inline'}.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The API's Swagger UI ({@code /api-docs.html}, served from {@code /swagger-ui/}) is a bundle we do not write: it
     * applies inline style as it renders, so its pages alone also allow inline style. Scripts stay {@code 'self'}
     * only, and the page shows nothing but the API's description.
     */
    public static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private static final String CSP = "Content-Security-Policy";

    private SecurityHeaders() {
    }

    /** The headers for one filter chain: {@code http.headers(SecurityHeaders.strict())}. */
    public static Customizer<ServerHttpSecurity.HeaderSpec> strict() {
        return headers -> headers
                .writer(SecurityHeaders::writeContentSecurityPolicy)
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(frame -> frame.mode(Mode.DENY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicy(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }

    /** Like Spring Security's own header writers: a policy a handler has already set is left alone. */
    private static Mono<Void> writeContentSecurityPolicy(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (headers.getFirst(CSP) == null) {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            headers.set(CSP, path.startsWith("/swagger-ui/") || path.equals("/api-docs.html")
                    ? SWAGGER_UI_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
        }
        return Mono.empty();
    }
}
