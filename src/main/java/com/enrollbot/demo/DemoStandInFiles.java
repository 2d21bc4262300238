package com.enrollbot.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.enrollbot.config.BotSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Tells scripts/demo-edit-user.sh how to reach the stand-in, which takes a new port and a new certificate on every
 * start: {@value #ENV_FILE} in the data folder holds its URL and the demo tenant's app credentials (published demo
 * values), {@value #CERTIFICATE_FILE} the certificate to trust. Written at startup, removed on a clean stop so that
 * a stale file does not point the script at a port something else may have taken.
 */
@Component
@Profile(DemoMode.PROFILE)
final class DemoStandInFiles implements ApplicationRunner, DisposableBean {

    static final String ENV_FILE = "stand-in.env";
    static final String CERTIFICATE_FILE = "stand-in.pem";

    private static final Logger log = LoggerFactory.getLogger(DemoStandInFiles.class);

    private final DemoStandIn standIn;
    private final Path envFile;
    private final Path certificateFile;

    DemoStandInFiles(DemoStandIn standIn, BotSettings settings) {
        this.standIn = standIn;
        this.envFile = settings.dataDir().resolve(ENV_FILE);
        this.certificateFile = settings.dataDir().resolve(CERTIFICATE_FILE);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        DemoCompany.Tenant tenant = DemoCompany.TIDEWATER;
        try {
            Files.createDirectories(envFile.getParent());
            Files.writeString(certificateFile, standIn.certificatePem(), StandardCharsets.US_ASCII);
            Files.writeString(envFile, String.join("\n",
                    "# Written by the bot in demo mode for scripts/demo-edit-user.sh; valid while it runs.",
                    "STAND_IN_URL=" + standIn.authorityHost(),
                    "STAND_IN_CERTIFICATE=" + certificateFile,
                    "TENANT_ID=" + tenant.tenantId(),
                    "CLIENT_ID=" + tenant.clientId(),
                    "CLIENT_SECRET=" + tenant.clientSecret(),
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo mode could not write " + envFile + "; make DATA_DIR writable", e);
        }
        log.info("Demo mode: scripts/demo-edit-user.sh changes {}'s people through the stand-in ({})",
                tenant.name(), envFile);
    }

    @Override
    public void destroy() throws IOException {
        Files.deleteIfExists(envFile);
        Files.deleteIfExists(certificateFile);
    }
}
