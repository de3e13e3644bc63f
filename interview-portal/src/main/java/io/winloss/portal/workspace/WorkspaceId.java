package io.winloss.portal.workspace;

import java.util.Objects;

/** The tenant every piece of data belongs to. */
public record WorkspaceId(String value) implements java.io.Serializable {

    public WorkspaceId {
        Objects.requireNonNull(value, "workspace id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("workspace id is blank");
        }
    }
}
