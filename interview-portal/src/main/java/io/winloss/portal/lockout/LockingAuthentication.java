package io.winloss.portal.lockout;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;

import reactor.core.publisher.Mono;

/**
 * Password sign-in (the login form and HTTP Basic on {@code /api/**}) with lockout around it: a wrong password is
 * counted against the account, a right one forgets the count, and a locked account is refused with the very same
 * {@link BadCredentialsException} as a wrong password, so neither the page nor the API tells a locked account from
 * a wrong password or an unknown email. The password is always checked first (off the event loop, by the wrapped
 * manager), so the answer takes as long as usual; the lock is then read from the account the check loaded
 * ({@link SignInRecord}). Only the log says the account is locked.
 */
public final class LockingAuthentication implements ReactiveAuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(LockingAuthentication.class);

    private final ReactiveAuthenticationManager passwords;
    private final Lockouts lockouts;
    private final Clock clock;

    public LockingAuthentication(ReactiveAuthenticationManager passwords, Lockouts lockouts) {
        this(passwords, lockouts, Clock.systemUTC());
    }

    LockingAuthentication(ReactiveAuthenticationManager passwords, Lockouts lockouts, Clock clock) {
        this.passwords = passwords;
        this.lockouts = lockouts;
        this.clock = clock;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        String email = attempt.getName();
        return passwords.authenticate(attempt)
                .flatMap(done -> {
                    SignInRecord record = done.getPrincipal() instanceof SignInRecord.Holder holder
                            ? holder.signInRecord() : new SignInRecord(null, false);
                    if (record.lockedAt(clock.instant())) {
                        log.warn("sign-in refused: account {} is locked", email);
                        return Mono.error(new BadCredentialsException("Invalid Credentials"));
                    }
                    // only an account with failures counted is written to: most sign-ins cost no write
                    return record.failedSignIns() ? lockouts.recordSuccess(email).thenReturn(done) : Mono.just(done);
                })
                .onErrorResume(BadCredentialsException.class, e -> lockouts.isLocked(email, clock.instant())
                        // a wrong password while locked counts nothing more: the lock runs its course
                        .flatMap(locked -> locked ? Mono.error(e) : lockouts.recordFailure(email, clock.instant()).then(Mono.error(e))));
    }
}
