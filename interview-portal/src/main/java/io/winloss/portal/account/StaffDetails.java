package io.winloss.portal.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.winloss.portal.lockout.SignInRecord;

/**
 * Spring Security's view of a user: the {@link Staff} plus the password hash, which never leaves this class, and
 * the account's {@link SignInRecord}, loaded with it so the lockout needs no lookup of its own.
 */
final class StaffDetails implements UserDetails, SignInRecord.Holder {

    /** Sessions are stored with Java serialization (session package): a compatible change keeps them readable. */
    private static final long serialVersionUID = 1L;

    private final Staff staff;
    /** Not written with a stored session: a session read back needs no password. */
    private final transient String passwordHash;
    private final SignInRecord signInRecord;

    StaffDetails(Staff staff, String passwordHash, SignInRecord signInRecord) {
        this.staff = staff;
        this.passwordHash = passwordHash;
        this.signInRecord = signInRecord;
    }

    @Override
    public SignInRecord signInRecord() {
        return signInRecord;
    }

    Staff staff() {
        return staff;
    }

    static List<GrantedAuthority> authoritiesOf(Staff staff) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        staff.role().authorities().forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
        if (staff.instanceOwner()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_OWNER"));
        }
        return authorities;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authoritiesOf(staff);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return staff.email();
    }

    @Override
    public String toString() {
        return "StaffDetails[" + staff.email() + "]";
    }
}
