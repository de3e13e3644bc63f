package io.winloss.portal.account;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Admins add staff to their own workspace and list them; analysts add interviewers only (any other role answers
 * them 403). A taken email answers 409.
 */
@ApiController("/api/users")
class UserApi {

    record CreateUser(String email, String password, String role) {
    }

    record UserView(String id, String email, Role role) {
        static UserView of(User user) {
            return new UserView(user.id(), user.email(), user.role());
        }
    }

    private final Users users;

    UserApi(Users users) {
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ANALYST')")
    Mono<UserView> create(Staff staff, @RequestBody CreateUser body) {
        if (!CreatableRoles.mayCreate(staff, body.role())) {
            return Mono.error(new AccessDeniedException("analysts create interviewer accounts only"));
        }
        return Mono.fromCallable(() -> NewUser.of(body.email(), body.password(), body.role()))
                .flatMap(user -> users.create(staff.workspace(), user))
                .map(UserView::of);
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    Flux<UserView> list(Staff staff) {
        return users.list(staff.workspace()).map(UserView::of);
    }
}
