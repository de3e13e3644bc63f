package io.winloss.portal.account;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import reactor.core.publisher.Mono;

/**
 * Puts the signed-in {@link Staff} into every page's model as {@code viewer}, so templates decide what to
 * show with {@code viewer.isAdmin()}: the reactive Thymeleaf security dialect cannot evaluate roles.
 */
@ControllerAdvice
class ViewerModel {

    @ModelAttribute("viewer")
    Mono<Staff> viewer() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .map(authentication -> authentication.getPrincipal())
                .filter(StaffDetails.class::isInstance)
                .map(principal -> ((StaffDetails) principal).staff());
    }
}
