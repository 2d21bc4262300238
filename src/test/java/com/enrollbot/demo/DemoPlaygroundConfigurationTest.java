package com.enrollbot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.enrollbot.config.BotSettings;
import com.enrollbot.demo.standin.DirectoryUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Agents Playground configurations of the tour match the demo company: the Teams tenant is the demo tenant,
 * every person exists in its directory under the same name, and each file makes its reader the person the tour
 * says, in a personal chat of their own. The Playground's own defaults are not GUIDs, which the bot refuses.
 */
class DemoPlaygroundConfigurationTest {

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of(".m365agentsplayground.yml", DemoCompany.ADMIN),
                Arguments.of("playground/priya-helpdesk.yml", DemoCompany.HELPDESK),
                Arguments.of("playground/jonas-employee.yml", DemoCompany.COMPLETE_EMPLOYEE),
                Arguments.of("playground/lena-no-mobile.yml", DemoCompany.NO_MOBILE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void everyPersonOfThePlaygroundIsInTheDemoDirectory(String file, DirectoryUser you) throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(Path.of(file)));

        assertThat(config.get("tenantId")).isEqualTo(DemoCompany.TIDEWATER.tenantId());
        assertThat(BotSettings.isGuid((String) ((Map<?, ?>) config.get("bot")).get("id"))).isTrue();
        Map<?, ?> currentUser = (Map<?, ?>) config.get("currentUser");
        assertThat(currentUser.get("aadObjectId")).isEqualTo(you.id());
        List<Map<?, ?>> everyone = new ArrayList<>();
        everyone.add(currentUser);
        for (Object user : (List<?>) config.get("users")) {
            everyone.add((Map<?, ?>) user);
        }
        assertThat(everyone).hasSize(6);
        for (Map<?, ?> person : everyone) {
            DirectoryUser inDirectory = DemoCompany.TIDEWATER.people().stream()
                    .filter(user -> user.id().equals(person.get("aadObjectId")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(person.get("name") + " is not in the demo directory"));
            assertThat(person.get("name")).isEqualTo(inDirectory.displayName());
        }
    }

    @Test
    void everyPersonHasTheirOwnPersonalChatAsInTeams() throws IOException {
        List<Object> chats = new ArrayList<>();
        for (Arguments configuration : configurations().toList()) {
            Map<String, Object> config = new Yaml().load(Files.readString(Path.of((String) configuration.get()[0])));
            chats.add(((Map<?, ?>) config.get("personalChat")).get("id"));
        }

        // The Playground replaces its placeholder in its built-in configuration only: kept, it would be one chat
        // shared by everyone, and a notice the bot sends Jonas would show up in Priya's chat.
        assertThat(chats).doesNotHaveDuplicates().doesNotContain("__PERSONAL_CHAT_ID__");
    }
}
