package io.winloss.portal.program;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.account.Staff;
import reactor.core.publisher.Mono;

/**
 * The one way the API and the pages create, change, pause and resume programs, so both apply the same rules
 * ({@link ProgramRules}) and the same consequences: a new or changed program enrols recent deals in its scope
 * ({@link ProgramEnrolment#lookBack}); pausing holds every waiting plan, resuming releases them.
 */
@Component
class ProgramChanges {

    private final Programs programs;
    private final Plans plans;
    private final ProgramEnrolment enrolment;
    private final PortalProperties properties;
    private final Clock clock = Clock.systemUTC();

    ProgramChanges(Programs programs, Plans plans, ProgramEnrolment enrolment, PortalProperties properties) {
        this.programs = programs;
        this.plans = plans;
        this.enrolment = enrolment;
        this.properties = properties;
    }

    Mono<Program> create(Staff staff, ProgramInput input) {
        return Mono.fromCallable(() -> ProgramRules.validate(input, properties.invitationValidDays()))
                .flatMap(terms -> programs.create(staff.workspace(), terms, staff.email(), clock.instant()))
                .flatMap(program -> enrolment.lookBack(program).thenReturn(program));
    }

    Mono<Program> update(Staff staff, String id, ProgramInput input) {
        return programs.find(staff.workspace(), id)
                .then(Mono.fromCallable(() -> ProgramRules.validate(input, properties.invitationValidDays())))
                .flatMap(terms -> programs.update(staff.workspace(), id, terms, clock.instant()))
                .flatMap(program -> enrolment.lookBack(program).thenReturn(program));
    }

    /** Pauses ({@code active} false) or resumes the program and its waiting plans. */
    Mono<Program> setActive(Staff staff, String id, boolean active) {
        return programs.setActive(staff.workspace(), id, active, clock.instant())
                .flatMap(program -> plans.setPaused(staff.workspace(), id, !active).thenReturn(program));
    }
}
