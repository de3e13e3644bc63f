package io.winloss.portal.action;

import java.util.Arrays;
import java.util.Optional;

/** The team that owns an action, with the ids of API.md. */
public enum Team {
    SALES("sales", "Sales"),
    PRODUCT("product", "Product"),
    MARKETING("marketing", "Marketing"),
    CUSTOMER_SUCCESS("customer_success", "Customer success"),
    FINANCE("finance", "Finance");

    private final String id;
    private final String label;

    Team(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<Team> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id == null ? "" : id.strip())).findFirst();
    }
}
