package io.zhida.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, with the data scope every module applies: an enterprise user sees its own
 * enterprise only, a county department its county only, city-level staff the whole city.
 * Serializable because it lives in the database-backed HTTP session.
 */
public final class ZhidaUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final EnumSet<Role> roles;
    private final String regionCode;
    private final String regionName;
    private final Long departmentId;
    private final String departmentName;
    private final boolean cityWide;
    private final String enterpriseUscc;
    private final boolean enabled;

    public ZhidaUser(long id, String username, String displayName, String passwordHash, Set<Role> roles,
                     String regionCode, String regionName, Long departmentId, String departmentName, boolean cityWide,
                     String enterpriseUscc, boolean enabled) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.regionCode = regionCode;
        this.regionName = regionName;
        this.departmentId = departmentId;
        this.departmentName = departmentName;
        this.cityWide = cityWide;
        this.enterpriseUscc = enterpriseUscc;
        this.enabled = enabled;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public String regionCode() {
        return regionCode;
    }

    public String regionName() {
        return regionName;
    }

    public Long departmentId() {
        return departmentId;
    }

    public String departmentName() {
        return departmentName;
    }

    public String enterpriseUscc() {
        return enterpriseUscc;
    }

    public String roleLabels() {
        return roles.stream().map(Role::label).collect(Collectors.joining("、"));
    }

    /** Staff whose scope is the whole city (city-level units, leaders, evaluators, administrators). */
    public boolean seesWholeCity() {
        return !isEnterpriseOnly() && (cityWide || has(Role.ADMIN) || has(Role.LEADER) || has(Role.EVALUATOR) || has(Role.INSPECTOR));
    }

    /** An enterprise user holding no staff role. */
    public boolean isEnterpriseOnly() {
        return roles.equals(EnumSet.of(Role.ENTERPRISE));
    }

    /** Whether this person may see an enterprise registered in the given county. */
    public boolean canSeeEnterprise(String uscc, String enterpriseRegion) {
        if (has(Role.ENTERPRISE) && uscc.equals(enterpriseUscc)) {
            return true;
        }
        if (isEnterpriseOnly()) {
            return false;
        }
        return seesWholeCity() || (regionCode != null && regionCode.equals(enterpriseRegion));
    }

    /** Whether this person may see records of the given county (null means city level). */
    public boolean canSeeRegion(String region) {
        return seesWholeCity() || (region != null && region.equals(regionCode));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZhidaUser other && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "ZhidaUser[" + username + " " + roles + "]";
    }
}
