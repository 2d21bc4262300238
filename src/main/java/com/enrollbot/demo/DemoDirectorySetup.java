package com.enrollbot.demo;

import java.util.UUID;

import com.enrollbot.core.access.Caller;
import com.enrollbot.core.access.Role;
import com.enrollbot.core.access.RoleChange;
import com.enrollbot.core.access.RoleService;
import com.enrollbot.core.directory.DirectoryOutcome;
import com.enrollbot.core.directory.DirectoryService;
import com.enrollbot.core.directory.RegistrationForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Prepares the tour as the demo admin would from Teams, through the same services: registers the demo tenant's
 * directory (its connection check runs against the stand-in) and makes the demo helpdesk agent helpdesk. Both
 * are kept on restart: a registered tenant is left alone and a granted role stays granted.
 */
@Component
@Profile(DemoMode.PROFILE)
final class DemoDirectorySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDirectorySetup.class);

    private final DirectoryService directories;
    private final RoleService roles;

    DemoDirectorySetup(DirectoryService directories, RoleService roles) {
        this.directories = directories;
        this.roles = roles;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        DemoCompany.Tenant tenant = DemoCompany.TIDEWATER;
        Caller admin = new Caller(tenant.tenantId(), DemoCompany.ADMIN.id(), DemoCompany.ADMIN.displayName());
        if (directories.forTenant(tenant.tenantId()).isEmpty()) {
            DirectoryOutcome outcome = directories.register(admin, new RegistrationForm(UUID.randomUUID().toString(),
                    tenant.name(), tenant.tenantId(), tenant.clientId(), tenant.clientSecret(), "", false));
            if (outcome instanceof DirectoryOutcome.Saved || outcome instanceof DirectoryOutcome.Checking) {
                log.info("Demo mode: registered the directory '{}' (tenant {})", tenant.name(), tenant.tenantId());
            } else {
                log.warn("Demo mode: the directory '{}' could not be registered: {}", tenant.name(), outcome);
            }
        }
        RoleChange helpdesk = roles.grant(admin, DemoCompany.HELPDESK.id(), Role.HELPDESK);
        if (helpdesk instanceof RoleChange.Granted) {
            log.info("Demo mode: {} is helpdesk", DemoCompany.HELPDESK.displayName());
        }
    }
}
