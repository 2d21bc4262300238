package com.enrollbot.core.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import com.enrollbot.core.audit.AuditEntry;
import com.enrollbot.core.audit.AuditLog;
import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryAdvice;
import com.enrollbot.core.directory.DirectoryFault;

/**
 * Tells an organization's admins about a problem only they can fix, once per topic per quiet period, however
 * many employees run into it and however many instances of the bot serve them.
 */
public final class AdminAlerts {

    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofHours(24);

    private final AdminNotices notices;
    private final OrganizationAdmins admins;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration quietPeriod;

    public AdminAlerts(AdminNotices notices, OrganizationAdmins admins, AuditLog audit, Clock clock, Duration quietPeriod) {
        this.notices = Objects.requireNonNull(notices, "notices");
        this.admins = Objects.requireNonNull(admins, "admins");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod");
    }

    /**
     * Sends {@code message} to the organization's admins unless this topic was sent within the quiet period.
     * The sending itself runs in the background: an employee's turn never waits for the admins' chats.
     * CAUTION: the message and topic are shown to admins and audited: never put a secret in them.
     */
    public void raise(String orgId, String topic, String message) {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        if (!notices.claim(orgId, topic, clock.instant(), quietPeriod)) {
            return;
        }
        admins.tell(orgId, message).whenComplete((reached, failure) -> {
            int count = reached == null ? 0 : reached;
            if (count == 0) {
                notices.release(orgId, topic);
            }
            audit.append(new AuditEntry(orgId, "bot", "admins.notify", topic,
                    count > 0 ? AuditEntry.Outcome.SUCCEEDED : AuditEntry.Outcome.FAILED,
                    count > 0 ? "reached " + count + " admin(s)" : "no admin could be reached yet; will try again"));
        });
    }

    /**
     * A directory whose credentials Entra ID or Graph refuses: one alert per directory and kind of fault, whether
     * an enrollment or a helpdesk look-up met it first. Does nothing for faults that are not about credentials.
     */
    public void credentialsBroken(Directory directory, DirectoryFault fault) {
        if (!fault.kind().credentialsBroken()) {
            return;
        }
        raise(directory.orgId(), "directory.credentials:" + directory.id() + ":" + fault.kind(),
                "The directory '" + directory.displayName() + "' stopped working. Employees cannot enroll through it."
                        + " The helpdesk cannot look people up in it. " + DirectoryAdvice.of(fault)
                        + " Then update the directory in this chat (type 'directories').");
    }

    public List<String> whomToAsk(String orgId) {
        return admins.namesOf(orgId);
    }
}
