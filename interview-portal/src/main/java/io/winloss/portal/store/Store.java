package io.winloss.portal.store;

import org.bson.Document;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import io.winloss.portal.workspace.WorkspaceId;

/**
 * The portal's one database. Tenant data is reached only through {@link #tenant}, which scopes every
 * read and write to one workspace; {@link #global} is for the few collections looked up before a workspace
 * is known (users by email at login, invitations by token, the outbox), and its callers say why.
 */
public final class Store {

    private final MongoDatabase database;

    public Store(MongoDatabase database) {
        this.database = database;
    }

    public TenantCollection tenant(WorkspaceId workspace, String collection) {
        return new TenantCollection(database.getCollection(collection), workspace);
    }

    public MongoCollection<Document> global(String collection) {
        return database.getCollection(collection);
    }

    public MongoDatabase database() {
        return database;
    }
}
