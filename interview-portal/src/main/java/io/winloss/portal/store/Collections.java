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
    /** The analysis queue: one document per job, claimed by workers with a lease. */
    public static final String ANALYSIS_JOBS = "analysisJobs";
    /** The machine's tags of one analysed interview or answer sheet, replaced by each analysis. */
    public static final String ANALYSES = "analyses";
    public static final String INTERVIEWS = "interviews";
    /** People's corrections of machine tags, one document per corrected sentence. */
    public static final String CORRECTIONS = "corrections";
    /** GridFS bucket of uploaded transcripts as received ({@code uploads.files}, {@code uploads.chunks}). */
    public static final String UPLOADS = "uploads";
    /** One document per workspace, {@code _id} = the workspace id: its competitor list. */
    public static final String COMPETITORS = "competitors";
    /** One document per workspace, {@code _id} = the workspace id: the criteria pattern lines it adds to the shipped ones. */
    public static final String CRITERIA_PATTERNS = "criteriaPatterns";
    /** Which interviewer may see which deal. */
    public static final String ASSIGNMENTS = "assignments";
    /** The ordered log of what changed ({@code _id} a sequence number), which every process's quote index follows. */
    public static final String CHANGES = "changes";
    /**
     * One document per quote-index replica ({@code _id} its id, kept in its data folder): the change-log position it
     * committed and when it last said so. Pruning keeps what a replica seen lately has not committed.
     */
    public static final String REPLICAS = "replicas";
    /** Named sequence counters, {@code _id} the sequence's name, {@code seq} its last value. */
    public static final String COUNTERS = "counters";
    /** What happened in a deal before it closed (calls, emails, meetings...), imported by CSV or API; one per natural key. */
    public static final String TOUCHPOINTS = "touchpoints";
    /** A deal's post-mortem: five whys and root causes, one document per deal. */
    public static final String POST_MORTEMS = "postMortems";
    /** How participants rated a deal's post-mortem, one document per person and deal. */
    public static final String POST_MORTEM_RATINGS = "postMortemRatings";
    /** One document per workspace, {@code _id} the workspace id: its CRM webhook secret and the one it replaced. */
    public static final String WEBHOOK_SECRETS = "webhookSecrets";
    /** Signed CRM events already taken, {@code _id} the SHA-256 of signature and body: a replay fails on the key. */
    public static final String WEBHOOK_REPLAYS = "webhookReplays";
    /** The latest CRM events each workspace received, accepted or not, for its admins' webhooks page. */
    public static final String WEBHOOK_EVENTS = "webhookEvents";
    /** Themes reports shared by link with the wider company, each found by its token's hash. */
    public static final String SHARED_REPORTS = "sharedReports";
    /** Invitation programs: which deals are in scope, when to invite and remind. */
    public static final String PROGRAMS = "programs";
    /** One invitation plan per program and deal ({@code planKey}): its next step, when it is due, and its lease. */
    public static final String PROGRAM_PLANS = "programPlans";
    /** A reminder's fresh link to an invitation, {@code _id} the token's hash (the token itself is never stored). */
    public static final String REMINDER_TOKENS = "reminderTokens";
    /** Notes of deal writes whose DealSaved followers have not all finished ({@code since}: when the deals were written). */
    public static final String DEAL_FOLLOW_UPS = "dealFollowUps";
    /** Post-mortem actions, each with its three reviews embedded. */
    public static final String ACTIONS = "actions";
    /** Review reminders to mail, one per review and kind, claimed once ({@code pending} to {@code sent}). */
    public static final String ACTION_REMINDERS = "actionReminders";
    /** Web sessions shared by every portal process, {@code _id} the SHA-256 of the cookie's id (which is never stored). */
    public static final String SESSIONS = "sessions";

    private Collections() {
    }
}
