package io.winloss.portal.invitation;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.View;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.unbescape.html.HtmlEscape;

import io.winloss.portal.survey.Survey;
import io.winloss.portal.survey.SurveyForm;
import io.winloss.portal.web.PageTemplates;
import reactor.core.publisher.Mono;

/**
 * The buyer's survey page, the one page every invited buyer opens and so the one that meets load. A page with
 * nothing entered yet differs from another of the same survey only in the link's own values (token, CSRF token,
 * draft key, incentive), so it is rendered by Thymeleaf once per survey version with markers in their place and
 * then filled in per view, escaped as Thymeleaf would; a page with a draft or errors is rendered in full. Both
 * paths render the same template through the same engine, and a test holds them byte for byte equal.
 */
@Component
class SurveyPage implements ViewResolver, Ordered {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final int MAX_PRERENDERED = 256;
    /** Tokens as issued (URL-safe Base64); anything else is rendered in full, so links are always encoded by Thymeleaf. */
    private static final Pattern ISSUED_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    /** Random per process, so no question an admin writes can contain one. */
    private final String marker = "wl" + Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36) + "x";
    private final Pattern markers = Pattern.compile(Pattern.quote(marker) + "([tcdi])");

    private final PageTemplates templates;
    private final Map<Shape, Prerendered> prerendered = new ConcurrentHashMap<>();

    /** WebFlux picks among resolved views by media type, so the view must say it writes HTML. */
    private final View view = new View() {
        @Override
        public List<MediaType> getSupportedMediaTypes() {
            return List.of(HTML);
        }

        @Override
        public Mono<Void> render(Map<String, ?> model, MediaType contentType, ServerWebExchange exchange) {
            return SurveyPage.this.render(model, exchange);
        }
    };

    SurveyPage(PageTemplates templates) {
        this.templates = templates;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<View> resolveViewName(String viewName, Locale locale) {
        return BuyerPages.VIEW_SURVEY.equals(viewName) ? Mono.just(view) : Mono.empty();
    }

    private Mono<Void> render(Map<String, ?> model, ServerWebExchange exchange) {
        return csrfToken(model.get("_csrf")).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(csrf -> {
            Values values = Values.of(model, csrf.orElse(null));
            byte[] html = html(values, exchange).getBytes(StandardCharsets.UTF_8);
            exchange.getResponse().getHeaders().setContentType(HTML);
            return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(html)));
        });
    }

    /** The model holds the token as the CSRF filter's pending Mono until a view resolves it. */
    private static Mono<CsrfToken> csrfToken(Object attribute) {
        return attribute instanceof Mono<?> pending ? pending.cast(CsrfToken.class) : Mono.justOrEmpty((CsrfToken) attribute);
    }

    /** The page for these values: from the prerendered survey when nothing was entered, else rendered in full. */
    String html(Values values, ServerWebExchange exchange) {
        if (values.csrf() == null || !values.form().untouched() || !ISSUED_TOKEN.matcher(values.token()).matches()) {
            return renderInFull(values, exchange);
        }
        Shape shape = new Shape(values.form().survey(), !values.incentive().isEmpty());
        Prerendered page = prerendered.get(shape);
        if (page == null) {
            if (prerendered.size() >= MAX_PRERENDERED) {
                prerendered.clear();
            }
            page = prerender(values.form(), shape.withIncentive(), exchange);
            prerendered.put(shape, page);
        }
        return page.fill(values);
    }

    String renderInFull(Values values, ServerWebExchange exchange) {
        return process(values, exchange);
    }

    private Prerendered prerender(SurveyForm form, boolean withIncentive, ServerWebExchange exchange) {
        Values placeholders = new Values(marker + "t", form, marker + "d", withIncentive ? marker + "i" : "",
                new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", marker + "c"));
        String html = process(placeholders, exchange);
        List<String> literals = new ArrayList<>();
        List<Character> slots = new ArrayList<>();
        Matcher m = markers.matcher(html);
        int from = 0;
        while (m.find()) {
            literals.add(html.substring(from, m.start()));
            slots.add(m.group(1).charAt(0));
            from = m.end();
        }
        literals.add(html.substring(from));
        return new Prerendered(literals, slots);
    }

    private String process(Values values, ServerWebExchange exchange) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("token", values.token());
        variables.put("form", values.form());
        variables.put("draftKey", values.draftKey());
        variables.put("incentive", values.incentive());
        variables.put("_csrf", values.csrf());
        return templates.render(BuyerPages.VIEW_SURVEY, variables, exchange);
    }

    /** What the survey page shows: the controller's model. */
    record Values(String token, SurveyForm form, String draftKey, String incentive, CsrfToken csrf) {

        static Values of(Map<String, ?> model, CsrfToken csrf) {
            return new Values((String) model.get("token"), (SurveyForm) model.get("form"), (String) model.get("draftKey"),
                    (String) model.get("incentive"), csrf);
        }
    }

    /** Pages that differ only in the link's values share one prerendering. */
    private record Shape(Survey survey, boolean withIncentive) {
    }

    /** A rendered page cut at its markers: {@code literals} has one more element than {@code slots}. */
    private record Prerendered(List<String> literals, List<Character> slots) {

        String fill(Values values) {
            StringBuilder page = new StringBuilder(literals.stream().mapToInt(String::length).sum() + 512);
            for (int i = 0; i < slots.size(); i++) {
                page.append(literals.get(i));
                page.append(switch (slots.get(i)) {
                    case 't' -> HtmlEscape.escapeHtml4Xml(values.token());
                    case 'c' -> HtmlEscape.escapeHtml4Xml(values.csrf().getToken());
                    case 'd' -> HtmlEscape.escapeHtml4Xml(values.draftKey());
                    default -> HtmlEscape.escapeHtml4Xml(values.incentive());
                });
            }
            return page.append(literals.get(literals.size() - 1)).toString();
        }
    }
}
