package com.enrollbot.teamsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Builds the real package from manifest/ with test values, as {@code mvn -Pteams-app package} does. */
class TeamsAppPackageTest {

    private static final Path MANIFEST_DIR = Path.of("manifest");
    private static final String TEAMS_APP_ID = "3c1e5f0a-7b2d-4e8f-9a61-0d4c2b7e9f13";
    private static final String BOT_APP_ID = "8a2f6c4e-1d3b-4f5a-b7c9-e0f1a2b3c4d5";

    @TempDir
    Path temp;

    private Path zip;

    private static Map<String, String> testEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("TEAMS_APP_ID", TEAMS_APP_ID);
        env.put("MicrosoftAppId", BOT_APP_ID);
        env.put("BOT_DOMAIN", "enrollbot.example.com");
        env.put("DEVELOPER_NAME", "Example MFA Ltd");
        env.put("DEVELOPER_WEBSITE_URL", "https://www.example.com");
        env.put("PRIVACY_URL", "https://www.example.com/privacy");
        env.put("TERMS_URL", "https://www.example.com/terms");
        return env;
    }

    @Test
    void packageHoldsTheFilledManifestAndBothIcons() throws Exception {
        String projectVersion = projectVersion();
        Map<String, byte[]> entries = build(projectVersion, testEnvironment());

        assertThat(entries).containsOnlyKeys("manifest.json", "color.png", "outline.png");
        // Left unpacked for the build's verify phase, which runs Microsoft's manifest validator over it.
        Path unpacked = Files.createDirectories(Path.of("target", "teams-app-test"));
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            Files.write(unpacked.resolve(entry.getKey()), entry.getValue());
        }
        String text = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("${{");

        JsonNode manifest = new ObjectMapper().readTree(text);
        assertThat(manifest.path("id").asText()).isEqualTo(TEAMS_APP_ID);
        assertThat(manifest.path("version").asText()).isEqualTo(projectVersion);
        assertThat(manifest.path("bots").path(0).path("botId").asText()).isEqualTo(BOT_APP_ID);
        assertThat(manifest.path("validDomains")).hasSize(1);
        assertThat(manifest.path("validDomains").path(0).asText()).isEqualTo("enrollbot.example.com");
        assertThat(manifest.path("developer").path("name").asText()).isEqualTo("Example MFA Ltd");
        assertThat(manifest.path("developer").path("websiteUrl").asText()).isEqualTo("https://www.example.com");
        assertThat(manifest.path("developer").path("privacyUrl").asText()).isEqualTo("https://www.example.com/privacy");
        assertThat(manifest.path("developer").path("termsOfUseUrl").asText()).isEqualTo("https://www.example.com/terms");

        BufferedImage color = ImageIO.read(new ByteArrayInputStream(entries.get("color.png")));
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        BufferedImage outline = ImageIO.read(new ByteArrayInputStream(entries.get("outline.png")));
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
    }

    @Test
    void outlineIconIsWhiteOnTransparent() throws Exception {
        BufferedImage outline = ImageIO.read(MANIFEST_DIR.resolve("outline.png").toFile());
        boolean anyVisible = false;
        for (int y = 0; y < outline.getHeight(); y++) {
            for (int x = 0; x < outline.getWidth(); x++) {
                int argb = outline.getRGB(x, y);
                assertThat(argb & 0xFFFFFF).as("colour at %d,%d", x, y).isEqualTo(0xFFFFFF);
                anyVisible |= (argb >>> 24) > 0;
            }
        }
        assertThat(anyVisible).isTrue();
    }

    @Test
    void commandListsAdvertiseOnlyEmployeeCommands() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(
                new String(build("1.0.0", testEnvironment()).get("manifest.json"), StandardCharsets.UTF_8));
        Map<String, List<String>> titlesByScope = new LinkedHashMap<>();
        for (JsonNode list : manifest.path("bots").path(0).path("commandLists")) {
            List<String> titles = new ArrayList<>();
            for (JsonNode command : list.path("commands")) {
                titles.add(command.path("title").asText());
                assertThat(command.path("description").asText()).isNotBlank().doesNotContain("\n");
            }
            list.path("scopes").forEach(scope -> titlesByScope.put(scope.asText(), titles));
        }

        assertThat(titlesByScope).containsExactly(
                Map.entry("personal", List.of("help", "enroll", "status")),
                Map.entry("team", List.of("help")),
                Map.entry("groupChat", List.of("help")));
    }

    @Test
    void valuesAreDataNotJson() throws Exception {
        Map<String, String> env = testEnvironment();
        env.put("DEVELOPER_NAME", "Acme \"Secure\" }, {");

        JsonNode manifest = new ObjectMapper().readTree(build("1.0.0", env).get("manifest.json"));

        assertThat(manifest.path("developer").path("name").asText()).isEqualTo("Acme \"Secure\" }, {");
        assertThat(manifest.path("developer").size()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEAMS_APP_ID", "MicrosoftAppId", "BOT_DOMAIN", "DEVELOPER_NAME",
            "DEVELOPER_WEBSITE_URL", "PRIVACY_URL", "TERMS_URL"})
    void aMissingValueIsNamed(String variable) {
        Map<String, String> env = testEnvironment();
        env.remove(variable);

        assertThatThrownBy(() -> build("1.0.0", env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(variable + " is not set");
        assertThat(zip).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TEAMS_APP_ID          | not-a-guid",
            "MicrosoftAppId        | 8a2f6c4e1d3b4f5ab7c9e0f1a2b3c4d5",
            "BOT_DOMAIN            | https://enrollbot.example.com",
            "BOT_DOMAIN            | enrollbot.example.com/api/messages",
            "BOT_DOMAIN            | enrollbot.example.com:443",
            "BOT_DOMAIN            | 10.0.0.7",
            "BOT_DOMAIN            | localhost",
            "DEVELOPER_NAME        | A publisher name longer than 32 chars",
            "DEVELOPER_WEBSITE_URL | http://www.example.com",
            "PRIVACY_URL           | www.example.com/privacy",
            "TERMS_URL             | ftp://www.example.com/terms",
    })
    void aMalformedValueIsNamed(String variable, String value) {
        Map<String, String> env = testEnvironment();
        env.put(variable, value);

        assertThatThrownBy(() -> build("1.0.0", env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(variable + " is '" + value + "'");
        assertThat(zip).doesNotExist();
    }

    @Test
    void aVersionTeamsCannotTakeIsRefused() {
        assertThatThrownBy(() -> build("0.2.0-SNAPSHOT", testEnvironment()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.2.0-SNAPSHOT");
        assertThat(zip).doesNotExist();
    }

    private Map<String, byte[]> build(String version, Map<String, String> env) throws IOException {
        zip = temp.resolve("out").resolve("teams-app.zip");
        TeamsAppPackager.build(MANIFEST_DIR, zip, version, env);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entriesIn = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entriesIn.getNextEntry()) != null; ) {
                entries.put(entry.getName(), entriesIn.readAllBytes());
            }
        }
        return entries;
    }

    /** The manifest version must follow the project's, so the test takes it from pom.xml as the profile does. */
    private static String projectVersion() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        return XPathFactory.newInstance().newXPath().evaluate("/project/version", pom);
    }
}
