package io.winloss.portal.postmortem;

import java.util.ArrayList;
import java.util.List;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;

/** The rules a touchpoint must meet, the same for the API, a CSV line and the page; every broken rule is reported at once. */
final class TouchpointValidator {

    static final int MAX_SUMMARY = 2000;
    static final int MAX_OWNER = 200;

    private TouchpointValidator() {
    }

    static NewTouchpoint validate(TouchpointInput input) {
        return validate(input, "");
    }

    /** @param prefix put before each field name, such as {@code [2].} for the third touchpoint of an array */
    static NewTouchpoint validate(TouchpointInput input, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        TouchpointDate date = null;
        if (blank(input.date())) {
            errors.add(new FieldError(prefix + "date", "is required"));
        } else {
            date = TouchpointDate.parse(input.date()).orElse(null);
            if (date == null) {
                errors.add(new FieldError(prefix + "date",
                        "must be an ISO date (2026-03-31) or date-time (2026-03-31T14:30:00Z), not " + shortened(input.date())));
            }
        }
        TouchpointType type = null;
        if (blank(input.type())) {
            errors.add(new FieldError(prefix + "type", "is required (one of " + TouchpointType.ids() + ")"));
        } else {
            type = TouchpointType.byId(input.type()).orElse(null);
            if (type == null) {
                errors.add(new FieldError(prefix + "type", "must be one of " + TouchpointType.ids() + ", not " + shortened(input.type())));
            }
        }
        String summary = blank(input.summary()) ? null : input.summary().strip();
        if (summary == null) {
            errors.add(new FieldError(prefix + "summary", "is required"));
        } else if (summary.length() > MAX_SUMMARY) {
            errors.add(new FieldError(prefix + "summary", "must be at most " + MAX_SUMMARY + " characters"));
        }
        String owner = blank(input.owner()) ? null : input.owner().strip();
        if (owner != null && owner.length() > MAX_OWNER) {
            errors.add(new FieldError(prefix + "owner", "must be at most " + MAX_OWNER + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new NewTouchpoint(date, type, summary, owner);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A bad value quoted back, cut short so a pasted paragraph does not flood the message. */
    private static String shortened(String value) {
        String v = value.strip();
        return "\"" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "\"";
    }
}
