package com.enrollbot.teamsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the installable Teams app package (manifest.json with its placeholders filled, color.png, outline.png).
 * Runs at build time from the {@code teams-app} Maven profile; the bot itself never calls it.
 *
 * <p>The template marks a value to fill as a JSON string that is exactly {@code ${{NAME}}}. Values are put in by
 * walking the JSON tree, so a value can never change the manifest's structure, whatever characters it holds.
 */
public final class TeamsAppPackager {

    /** The placeholder filled from the Maven project version rather than from the environment. */
    private static final String VERSION = "VERSION";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{\\{(\\w+)}}");
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    // Teams accepts only numeric MAJOR.MINOR.PATCH (the schema's own "semver" definition), so no -SNAPSHOT.
    private static final Pattern TEAMS_VERSION = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");
    private static final int DEVELOPER_NAME_MAX = 32; // the manifest schema's maxLength for developer.name

    private static final String MANIFEST = "manifest.json";
    private static final List<Map.Entry<String, Integer>> ICON_SIZES =
            List.of(Map.entry("color.png", 192), Map.entry("outline.png", 32));

    /** What each environment variable must hold; the order is the order problems are reported in. */
    private static final List<Setting> SETTINGS = List.of(
            new Setting("TEAMS_APP_ID", "the Teams app id, a GUID you create once for this app",
                    TeamsAppPackager::isGuid),
            new Setting("MicrosoftAppId", "the Azure Bot registration's Microsoft App ID, a GUID",
                    TeamsAppPackager::isGuid),
            new Setting("BOT_DOMAIN", "the bot's bare host name, like bot.example.com (no https://, path or port)",
                    TeamsAppPackager::isHostName),
            new Setting("DEVELOPER_NAME", "the publisher name shown in Teams, at most " + DEVELOPER_NAME_MAX
                    + " characters", v -> !v.isBlank() && v.length() <= DEVELOPER_NAME_MAX),
            new Setting("DEVELOPER_WEBSITE_URL", "the publisher's website, an https:// URL",
                    TeamsAppPackager::isHttpsUrl),
            new Setting("PRIVACY_URL", "the privacy statement, an https:// URL", TeamsAppPackager::isHttpsUrl),
            new Setting("TERMS_URL", "the terms of use, an https:// URL", TeamsAppPackager::isHttpsUrl));

    private record Setting(String variable, String expected, Predicate<String> valid) {
    }

    private TeamsAppPackager() {
    }

    /** Arguments: the manifest folder, the zip to write, the project version. Values come from the environment. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: TeamsAppPackager <manifest dir> <output zip> <version>");
        }
        Path zip = Path.of(args[1]);
        build(Path.of(args[0]), zip, args[2], System.getenv());
        System.out.println("Teams app package written to " + zip.toAbsolutePath());
    }

    /**
     * Fills the template in {@code manifestDir} with {@code environment} and {@code version} and writes the package
     * to {@code zip}. Every missing or malformed value is reported in one exception message, naming its variable,
     * and then no package is left at {@code zip}.
     */
    public static void build(Path manifestDir, Path zip, String version, Map<String, String> environment)
            throws IOException {
        // A package from an earlier run must not survive a failed build and be mistaken for its result.
        Files.deleteIfExists(zip);
        Map<String, String> values = validatedValues(version, environment);
        byte[] manifest = fill(manifestDir.resolve(MANIFEST), values);
        Map<String, byte[]> icons = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> icon : ICON_SIZES) {
            icons.put(icon.getKey(), checkedIcon(manifestDir.resolve(icon.getKey()), icon.getValue()));
        }

        Path parent = zip.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Written beside the target and moved into place, so a failed build never leaves a half-written package.
        Path partial = Files.createTempFile(parent, "teams-app", ".zip.part");
        try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream entries = new ZipOutputStream(out)) {
            addEntry(entries, MANIFEST, manifest);
            for (Map.Entry<String, byte[]> icon : icons.entrySet()) {
                addEntry(entries, icon.getKey(), icon.getValue());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, String> validatedValues(String version, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Setting setting : SETTINGS) {
            String value = environment.get(setting.variable());
            if (value == null || value.isBlank()) {
                problems.add(setting.variable() + " is not set: it must be " + setting.expected());
            } else if (!setting.valid().test(value.strip())) {
                problems.add(setting.variable() + " is '" + value + "': it must be " + setting.expected());
            } else {
                values.put(setting.variable(), value.strip());
            }
        }
        if (version == null || !TEAMS_VERSION.matcher(version).matches()) {
            problems.add("the project version '" + version + "' cannot be the app version: Teams accepts only"
                    + " MAJOR.MINOR.PATCH numbers, like 1.4.0");
        } else {
            values.put(VERSION, version);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Cannot build the Teams app package:\n  " + String.join("\n  ", problems));
        }
        return values;
    }

    private static byte[] fill(Path template, Map<String, String> values) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode manifest = json.readTree(template.toFile());
        JsonNode filled = fillNode(manifest, values);
        return json.writeValueAsBytes(filled);
    }

    private static JsonNode fillNode(JsonNode node, Map<String, String> values) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(fillNode(field.getValue(), values));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fillNode(array.get(i), values));
            }
        } else if (node.isTextual()) {
            Matcher whole = PLACEHOLDER.matcher(node.textValue());
            if (whole.matches()) {
                String value = values.get(whole.group(1));
                if (value == null) {
                    throw new IllegalStateException("manifest.json has the unknown placeholder " + node.textValue());
                }
                return TextNode.valueOf(value);
            }
            // A placeholder inside a longer text would reach Teams unfilled: the template must use whole values.
            if (PLACEHOLDER.matcher(node.textValue()).find()) {
                throw new IllegalStateException("manifest.json has a placeholder inside a longer text, which is"
                        + " never filled: " + node.textValue());
            }
        }
        return node;
    }

    private static byte[] checkedIcon(Path icon, int size) throws IOException {
        BufferedImage image = ImageIO.read(icon.toFile());
        if (image == null || image.getWidth() != size || image.getHeight() != size) {
            throw new IllegalStateException(icon + " must be a " + size + "x" + size + " PNG for Teams");
        }
        return Files.readAllBytes(icon);
    }

    private static void addEntry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static boolean isGuid(String value) {
        return GUID.matcher(value).matches();
    }

    private static boolean isHostName(String value) {
        String host = value.toLowerCase(Locale.ROOT);
        String[] labels = host.split("\\.", -1);
        // At least two labels, and a top-level label that is not a number, so an IP address does not pass.
        return host.length() <= 253 && labels.length >= 2
                && Arrays.stream(labels).allMatch(label -> HOST_LABEL.matcher(label).matches())
                && !labels[labels.length - 1].matches("[0-9]+");
    }

    private static boolean isHttpsUrl(String value) {
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null
                    && value.length() <= 2048;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
