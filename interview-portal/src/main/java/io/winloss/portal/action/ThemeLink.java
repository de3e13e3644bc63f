package io.winloss.portal.action;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A theme of an action as its page links it: to the quotes behind it on the search page, and to the themes page
 * (narrowed to the competitor, for a competitor theme).
 *
 * @param search the search page's query string; {@code themes} the themes page's, empty for all themes
 */
public record ThemeLink(String theme, String kind, String name, String search, String themes) {

    static ThemeLink of(String theme) {
        int colon = theme.indexOf(':');
        String kind = colon > 0 ? theme.substring(0, colon) : "keyPhrase";
        String name = colon > 0 ? theme.substring(colon + 1) : theme;
        UriComponentsBuilder search = UriComponentsBuilder.newInstance();
        UriComponentsBuilder themes = UriComponentsBuilder.newInstance();
        switch (kind) {
            case "criterion" -> search.queryParam("criterion", name);
            case "competitor" -> {
                search.queryParam("competitor", name);
                themes.queryParam("competitor", name);
            }
            default -> search.queryParam("q", '"' + name + '"');
        }
        return new ThemeLink(theme, kind, name, query(search), query(themes));
    }

    private static String query(UriComponentsBuilder uri) {
        String query = uri.encode().build().getQuery();
        return query == null ? "" : query;
    }
}
