package io.winloss.portal.workspace;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Mono;

/** The instance owner creates more workspaces, each with its own first admin. */
@ApiController("/api/workspaces")
class WorkspaceApi {

    record CreateWorkspace(String name, String adminEmail, String adminPassword) {
    }

    record Created(String id, String name) {
    }

    private final Workspaces workspaces;

    WorkspaceApi(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('OWNER')")
    Mono<Created> create(@RequestBody CreateWorkspace body) {
        return workspaces.create(body.name(), body.adminEmail(), body.adminPassword())
                .map(w -> new Created(w.id().value(), w.name()));
    }
}
