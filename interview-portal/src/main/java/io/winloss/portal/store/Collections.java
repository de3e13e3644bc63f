package io.winloss.portal.store;

/** Every collection's name, in one place. */
public final class Collections {

    /** One document, {@code _id: "owner"}, claimed once by the instance's first setup. */
    public static final String INSTANCE = "instance";
    public static final String WORKSPACES = "workspaces";
    public static final String USERS = "users";
    public static final String API_KEYS = "apiKeys";
    public static final String DEALS = "deals";
    public static final String SURVEYS = "surveys";
    public static final String INVITATIONS = "invitations";
    public static final String RESPONSES = "responses";
    public static final String DRAFTS = "drafts";
    public static final String OUTBOX = "outbox";
    /** One document per workspace, {@code _id} = the workspace id: its competitor list. */
    public static final String COMPETITORS = "competitors";
    /** Which interviewer may see which deal. */
    public static final String ASSIGNMENTS = "assignments";

    private Collections() {
    }
}
