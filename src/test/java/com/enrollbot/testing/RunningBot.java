package com.enrollbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.enrollbot.EnrollBotApplication;
import okhttp3.OkHttpClient;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
        // application.yml reads PORT, and it outranks these default properties: without it every bot takes 3978.
        settings.put("PORT", "0");
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.username());
        settings.put("spring.datasource.password", database.password());
        try {
            settings.put("DATA_DIR", Files.createTempDirectory("enrollbot-test-data").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    public static RunningBot start(Map<String, Object> settings) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EnrollBotApplication.class)
                .properties(settings)
                .run();
        return new RunningBot(context);
    }

    /** Starts with beans added before the application's own, e.g. {@link #directoryEdgeClient(OkHttpClient)}. */
    public static RunningBot start(Map<String, Object> settings, ApplicationContextInitializer<GenericApplicationContext> initializer) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EnrollBotApplication.class)
                .properties(settings)
                .initializers(initializer)
                .run();
        return new RunningBot(context);
    }

    /** The edge client through which the directory gateway reaches Entra ID and Graph (e.g. trusting the fakes' test root). */
    public static ApplicationContextInitializer<GenericApplicationContext> directoryEdgeClient(OkHttpClient client) {
        return context -> context.registerBean("directoryEdgeClient", OkHttpClient.class, () -> client);
    }

    public URI baseUrl() {
        return baseUrl;
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
