package com.enrollbot.config;

import java.time.Clock;

import com.enrollbot.core.access.AccessService;
import com.enrollbot.core.access.RoleStore;
import com.enrollbot.core.audit.AuditLog;
import com.enrollbot.core.directory.DirectoryAccess;
import com.enrollbot.core.directory.DirectoryGateway;
import com.enrollbot.core.enrollment.AdminAlerts;
import com.enrollbot.core.enrollment.AdminNotices;
import com.enrollbot.core.enrollment.EnrollmentService;
import com.enrollbot.core.enrollment.EnrollmentStore;
import com.enrollbot.core.enrollment.OrganizationAdmins;
import com.enrollbot.core.enrollment.OrganizationSettings;
import com.enrollbot.core.enrollment.PhoneNumbers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The core knows nothing of Spring: its services are wired here. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    AccessService accessService(RoleStore roles, BotSettings settings) {
        return new AccessService(roles, settings.bootstrapAdminIds());
    }

    @Bean
    PhoneNumbers phoneNumbers(BotSettings settings) {
        return new PhoneNumbers(settings.phoneDefaultRegion());
    }

    @Bean
    AdminAlerts adminAlerts(AdminNotices notices, OrganizationAdmins admins, AuditLog audit) {
        return new AdminAlerts(notices, admins, audit, Clock.systemUTC(), AdminAlerts.DEFAULT_QUIET_PERIOD);
    }

    @Bean
    EnrollmentService enrollmentService(DirectoryAccess directories, DirectoryGateway gateway, EnrollmentStore store,
                                        OrganizationSettings organizationSettings, PhoneNumbers phoneNumbers,
                                        AdminAlerts alerts, AuditLog audit) {
        return new EnrollmentService(directories, gateway, store, organizationSettings, phoneNumbers, alerts, audit);
    }
}
