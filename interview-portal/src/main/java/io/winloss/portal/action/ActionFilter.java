package io.winloss.portal.action;

import java.util.ArrayList;
import java.util.List;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;

/** Which actions the tracker lists: one team, one status, or both; null means any. */
public record ActionFilter(Team team, ActionStatus status) {

    public static final ActionFilter ANY = new ActionFilter(null, null);

    /** The filter from query parameters, or {@link InvalidInput} naming an unknown team or status. */
    static ActionFilter of(String team, String status) {
        List<FieldError> errors = new ArrayList<>();
        Team t = null;
        if (team != null && !team.isBlank()) {
            t = Team.byId(team).orElse(null);
            if (t == null) {
                errors.add(new FieldError("team", "unknown team '" + team + "'"));
            }
        }
        ActionStatus s = null;
        if (status != null && !status.isBlank()) {
            s = ActionStatus.byId(status).orElse(null);
            if (s == null) {
                errors.add(new FieldError("status", "unknown status '" + status + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ActionFilter(t, s);
    }
}
