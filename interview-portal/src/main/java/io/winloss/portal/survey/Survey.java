package io.winloss.portal.survey;

import java.util.List;
import java.util.Optional;

/**
 * A version of a workspace's win-loss survey. Version 0 is the built-in default, asked until an admin saves
 * their own; every saved edit is a new version, and a response records the version it answered.
 */
public record Survey(int version, List<Question> questions) {

    /** The question whose single-choice answer says whether the buyer may be named. */
    public static final String ATTRIBUTION = "attribution";
    public static final String ATTRIBUTION_YES = "yes";

    public Survey {
        questions = List.copyOf(questions);
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
