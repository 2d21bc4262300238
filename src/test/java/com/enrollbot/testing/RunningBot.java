package com.enrollbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.enrollbot.EnrollBotApplication;
import com.enrollbot.entra.EntraConfiguration;
import okhttp3.OkHttpClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The real application, started in this JVM on a random port, exactly as {@code java -jar} would start it but
 * with the settings a test gives. Two of them on one database make two instances behind a load balancer.
 */
public final class RunningBot implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ConfigurableApplicationContext context;
    private final URI baseUrl;

    private RunningBot(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = URI.create("http://localhost:" + port);
    }

    /** Settings every test needs: a random port, a fresh local data folder, and the given database. */
    public static Map<String, Object> defaults(TestDatabases.Database database) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.username());
        settings.put("spring.datasource.password", database.password());
        // Every bot gets its own key, as production does; a test removes it to see the local development fallback.
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        settings.put("SECRET_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
        try {
            settings.put("DATA_DIR", Files.createTempDirectory("enrollbot-test-data").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    public static RunningBot start(Map<String, Object> settings, ApplicationContextInitializer<?>... initializers) {
        // As command-line arguments: they outrank environment variables, so a developer's own settings (or
        // SPRING_DATASOURCE_URL pointing the tests at a server) never leak into a test's instance.
        String[] arguments = settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EnrollBotApplication.class)
                .initializers(initializers)
                .run(arguments);
        return new RunningBot(context);
    }

    /** Makes the bot's calls to Entra ID and Graph trust the fakes' test certificate (and nothing else changes). */
    public static ApplicationContextInitializer<GenericApplicationContext> trusting(TestTls tls) {
        return context -> context.registerBean(EntraConfiguration.EDGE_CLIENT, OkHttpClient.class, tls::trustingClient);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Requests through the same servlet stack but from any remote address a test chooses. */
    public MockMvc mockMvc() {
        return MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(baseUrl.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("enrollbot-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
