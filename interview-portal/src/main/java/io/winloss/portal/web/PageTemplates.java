package io.winloss.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringWebFluxTemplateEngine;
import org.thymeleaf.spring6.web.webflux.SpringWebFluxWebApplication;

/**
 * Renders a page template to a string for answers written outside Spring's view machinery (a refusal from a filter,
 * the prerendered survey page), with the request's links resolved as on any other page. Only the given variables are
 * visible: no model attributes, and no CSRF field is added to forms (a template that needs one writes it itself).
 */
@Component
public class PageTemplates {

    private final ObjectProvider<ISpringWebFluxTemplateEngine> engine;
    private final SpringWebFluxWebApplication web = SpringWebFluxWebApplication.buildApplication(ReactiveAdapterRegistry.getSharedInstance());

    PageTemplates(ObjectProvider<ISpringWebFluxTemplateEngine> engine) {
        this.engine = engine;
    }

    /** The template rendered in English as HTML; IllegalStateException when this context has no template engine. */
    public String render(String template, Map<String, ?> variables, ServerWebExchange exchange) {
        ISpringWebFluxTemplateEngine templates = engine.getIfAvailable();
        if (templates == null) {
            throw new IllegalStateException("no template engine to render " + template);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) variables;
        WebContext context = new WebContext(web.buildExchange(exchange, Locale.ENGLISH, MediaType.TEXT_HTML, StandardCharsets.UTF_8),
                Locale.ENGLISH, values);
        return templates.process(template, context);
    }
}
