package io.winloss.portal.postmortem;

import java.util.List;

/**
 * What a post-mortem wrote down, checked by {@link PostMortemValidator}: the problem, up to five answers to "why?",
 * each digging under the one before, and the root causes they led to.
 */
public record FiveWhys(String problem, List<String> whys, List<RootCause> rootCauses) {

    public FiveWhys {
        whys = List.copyOf(whys);
        rootCauses = List.copyOf(rootCauses);
    }
}
