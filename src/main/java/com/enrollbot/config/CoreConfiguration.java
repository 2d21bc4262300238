package com.enrollbot.config;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.enrollbot.core.access.AccessService;
import com.enrollbot.core.access.RoleService;
import com.enrollbot.core.access.RoleStore;
import com.enrollbot.core.audit.AuditLog;
import com.enrollbot.core.directory.DirectoryAccess;
import com.enrollbot.core.directory.DirectoryGateway;
import com.enrollbot.core.directory.DirectoryService;
import com.enrollbot.core.directory.DirectoryStore;
import com.enrollbot.core.directory.SecretCipher;
import com.enrollbot.core.enrollment.AdminAlerts;
import com.enrollbot.core.enrollment.AdminNotices;
import com.enrollbot.core.enrollment.EnrollmentService;
import com.enrollbot.core.enrollment.EnrollmentStore;
import com.enrollbot.core.enrollment.OrganizationAdmins;
import com.enrollbot.core.enrollment.OrganizationSettings;
import com.enrollbot.core.enrollment.PhoneNumbers;
import com.enrollbot.core.helpdesk.EmployeeChats;
import com.enrollbot.core.helpdesk.HelpdeskService;
import com.enrollbot.core.helpdesk.HelpdeskStore;
import com.enrollbot.secrets.AesGcmSecretCipher;
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
    SecretCipher secretCipher(BotSettings settings) {
        return new AesGcmSecretCipher(settings.secretEncryptionKey());
    }

    /** Connection checks that outlive an invoke's answer finish here; each is bounded by its own budget. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService directoryChecks() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "directory-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    DirectoryService directoryService(DirectoryStore store, SecretCipher cipher, DirectoryGateway gateway, AuditLog audit,
                                      ExecutorService directoryChecks, BotSettings settings) {
        return new DirectoryService(store, cipher, gateway, audit, Clock.systemUTC(), settings.directoryCheckBudget(),
                directoryChecks);
    }

    @Bean
    RoleService roleService(RoleStore roles, DirectoryService directories, AuditLog audit, BotSettings settings) {
        return new RoleService(roles, directories, audit, settings.bootstrapAdminIds());
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
                                        AdminAlerts alerts) {
        return new EnrollmentService(directories, gateway, store, organizationSettings, phoneNumbers, alerts);
    }

    /** Organizations with several directories are searched in all of them at once; each search has its own budget. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService helpdeskSearches() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "helpdesk-search-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    HelpdeskService helpdeskService(DirectoryAccess directories, DirectoryGateway gateway, EnrollmentStore enrollments,
                                    HelpdeskStore store, OrganizationSettings organizationSettings,
                                    PhoneNumbers phoneNumbers, AdminAlerts alerts, AuditLog audit, EmployeeChats chats,
                                    ExecutorService helpdeskSearches) {
        return new HelpdeskService(directories, gateway, enrollments, store, organizationSettings, phoneNumbers, alerts,
                audit, chats, helpdeskSearches);
    }
}
