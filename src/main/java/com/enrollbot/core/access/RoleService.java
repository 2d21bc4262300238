package com.enrollbot.core.access;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.enrollbot.core.access.PeopleFinder.Lookup;
import com.enrollbot.core.audit.AuditEntry;
import com.enrollbot.core.audit.AuditEntry.Outcome;
import com.enrollbot.core.audit.AuditLog;

/**
 * Admins grant and revoke the admin and helpdesk roles of their own organization, naming the person by Entra
 * object id or by UPN/e-mail (looked up through the organization's directory). Every change and every refusal
 * is audited. The router has already checked that the caller is an admin.
 */
public final class RoleService {

    private static final Pattern OBJECT_ID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final RoleStore roles;
    private final PeopleFinder people;
    private final AuditLog audit;
    private final Set<String> bootstrapAdminIds;

    public RoleService(RoleStore roles, PeopleFinder people, AuditLog audit, Set<String> bootstrapAdminIds) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.people = Objects.requireNonNull(people, "people");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.bootstrapAdminIds = Set.copyOf(bootstrapAdminIds);
    }

    public List<RoleGrant> grants(Caller caller) {
        return roles.grantsOf(caller.orgId());
    }

    /** Ids of admins configured at startup (BOOTSTRAP_ADMIN_IDS): they are admins whatever the grants say. */
    public boolean isBootstrapAdmin(String objectId) {
        return bootstrapAdminIds.contains(objectId.toLowerCase(Locale.ROOT));
    }

    public RoleChange grant(Caller caller, String person, Role role) {
        if (role == Role.EMPLOYEE) {
            return new RoleChange.Unchanged("Everyone is an employee already: grant admin or helpdesk.");
        }
        Lookup who = resolve(caller, person);
        if (who instanceof Lookup.Unresolved unresolved) {
            record(caller, "role.grant", person, Outcome.FAILED, name(role) + ": " + unresolved.message());
            return new RoleChange.Unchanged(unresolved.message());
        }
        Lookup.Found found = (Lookup.Found) who;
        RoleGrant grant = new RoleGrant(caller.orgId(), found.objectId(), role, found.displayName(), caller.objectId(), null);
        String whom = describe(found);
        if (!roles.grant(grant)) {
            return new RoleChange.Unchanged(whom + " is " + article(role) + " " + name(role) + " already.");
        }
        record(caller, "role.grant", found.objectId(), Outcome.SUCCEEDED, name(role) + " to " + whom);
        return new RoleChange.Granted(grant, whom + " is now " + article(role) + " " + name(role) + ".");
    }

    public RoleChange revoke(Caller caller, String person, Role role) {
        if (role == Role.EMPLOYEE) {
            return new RoleChange.Unchanged("Everyone stays an employee: revoke admin or helpdesk.");
        }
        Lookup who = resolve(caller, person);
        if (who instanceof Lookup.Unresolved unresolved) {
            record(caller, "role.revoke", person, Outcome.FAILED, name(role) + ": " + unresolved.message());
            return new RoleChange.Unchanged(unresolved.message());
        }
        Lookup.Found found = (Lookup.Found) who;
        boolean self = found.objectId().equals(caller.objectId());
        // Whoever revokes someone else stays an admin, unless that someone revoked them at the same moment: the
        // store decides under a lock, so two admins removing each other leave one. Bootstrap admins always remain.
        boolean keepOneAdmin = role == Role.ADMIN && !isBootstrapAdmin(caller.objectId());
        String whom = describe(found);
        return switch (roles.revoke(caller.orgId(), found.objectId(), role, keepOneAdmin)) {
            case REVOKED -> {
                record(caller, "role.revoke", found.objectId(), Outcome.SUCCEEDED, name(role) + " from " + whom);
                yield new RoleChange.Revoked(found.objectId(), role, whom + " is no longer " + article(role) + " "
                        + name(role) + (isBootstrapAdmin(found.objectId()) && role == Role.ADMIN
                        ? ", but stays an admin through BOOTSTRAP_ADMIN_IDS." : "."));
            }
            case NOT_GRANTED -> new RoleChange.Unchanged(whom + " does not have the " + name(role) + " role here"
                    + (isBootstrapAdmin(found.objectId()) ? " (they are an admin through BOOTSTRAP_ADMIN_IDS, which only"
                    + " whoever runs the bot can change)." : "."));
            case LAST_ADMIN -> {
                record(caller, "role.revoke", found.objectId(), Outcome.REFUSED,
                        "admin from " + (self ? "themself" : whom) + ": the last admin");
                yield new RoleChange.Unchanged(self
                        ? "You are the last admin of this organization, so you cannot remove yourself. Make someone"
                                + " else an admin first."
                        : whom + " is the last admin of this organization, so they cannot be removed.");
            }
        };
    }

    private Lookup resolve(Caller caller, String person) {
        String typed = person == null ? "" : person.strip();
        if (typed.isEmpty()) {
            return new Lookup.Unresolved("Name the person by UPN, e-mail or Entra object id.");
        }
        if (OBJECT_ID.matcher(typed).matches()) {
            return new Lookup.Found(typed.toLowerCase(Locale.ROOT), "");
        }
        if (typed.indexOf('@') <= 0) {
            return new Lookup.Unresolved("'" + typed + "' is neither a UPN, an e-mail address nor an Entra object id.");
        }
        return people.findPerson(caller.orgId(), typed);
    }

    private void record(Caller caller, String action, String subject, Outcome outcome, String detail) {
        audit.append(new AuditEntry(caller.orgId(), caller.objectId(), action, subject, outcome, detail));
    }

    private static String describe(Lookup.Found found) {
        return found.displayName().isBlank() ? found.objectId() : found.displayName() + " (" + found.objectId() + ")";
    }

    private static String name(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static String article(Role role) {
        return role == Role.ADMIN ? "an" : "a";
    }
}
