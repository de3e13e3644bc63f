package io.winloss.portal.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mail bodies from {@code templates/mail/}: {@code NAME.html} in HTML mode and {@code NAME.txt}
 * in text mode, with an engine of its own so page settings (and the reactive view machinery) do not apply.
 */
@Component
public class MailTemplates {

    /** Both bodies of one mail. */
    public record Bodies(String html, String text) {
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        ClassLoaderTemplateResolver html = new ClassLoaderTemplateResolver();
        html.setPrefix("templates/");
        html.setTemplateMode(TemplateMode.HTML);
        html.setResolvablePatterns(Set.of("*.html"));
        html.setCharacterEncoding("UTF-8");
        html.setOrder(1);
        html.setCheckExistence(true);
        ClassLoaderTemplateResolver text = new ClassLoaderTemplateResolver();
        text.setPrefix("templates/");
        text.setTemplateMode(TemplateMode.TEXT);
        text.setResolvablePatterns(Set.of("*.txt"));
        text.setCharacterEncoding("UTF-8");
        text.setOrder(2);
        text.setCheckExistence(true);
        engine.addTemplateResolver(html);
        engine.addTemplateResolver(text);
    }

    /** Renders {@code mail/NAME.html} and {@code mail/NAME.txt} with the same variables. */
    public Bodies render(String name, Map<String, Object> variables) {
        Context context = new Context(Locale.ENGLISH, variables);
        return new Bodies(engine.process("mail/" + name + ".html", context), engine.process("mail/" + name + ".txt", context));
    }
}
