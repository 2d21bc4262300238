package com.enrollbot.bot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import com.enrollbot.testing.TestDatabases;
import com.microsoft.bot.builder.StoreItem;
import com.microsoft.bot.dialogs.DialogInstance;
import com.microsoft.bot.dialogs.DialogState;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bot's state store on a real PostgreSQL: round trips, etags, and conflicting writes that lose nothing. */
class PostgresStorageTest {

    private Jdbi jdbi;
    private PostgresStorage storage;
    private PostgresStorage otherInstance;

    @BeforeEach
    void freshDatabase() {
        TestDatabases.Database database = TestDatabases.fresh();
        Flyway.configure().dataSource(database.url(), database.username(), database.password()).load().migrate();
        jdbi = Jdbi.create(database.url(), database.username(), database.password());
        storage = new PostgresStorage(jdbi);
        otherInstance = new PostgresStorage(Jdbi.create(database.url(), database.username(), database.password()));
    }

    private static Map<String, Object> state(Object... keyValues) {
        Map<String, Object> state = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            state.put((String) keyValues[i], keyValues[i + 1]);
        }
        return state;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readMap(PostgresStorage from, String key) {
        return (Map<String, Object>) from.read(new String[] {key}).join().get(key);
    }

    @Test
    void aWrittenStateIsReadBackWithAnEtag() {
        storage.write(Map.of("conv/1", state("step", 2, "who", "adele@contoso.com"))).join();

        Map<String, Object> read = readMap(storage, "conv/1");

        assertThat(read).containsEntry("step", 2).containsEntry("who", "adele@contoso.com").containsKey("eTag");
    }

    @Test
    void readingUnknownKeysGivesNothingForThem() {
        assertThat(storage.read(new String[] {"nope"}).join()).isEmpty();
    }

    @Test
    void aWriteWithTheEtagItReadSucceedsAndTheObjectCarriesTheNewEtag() {
        storage.write(Map.of("conv/1", state("step", 1))).join();
        Map<String, Object> read = readMap(storage, "conv/1");
        String before = (String) read.get("eTag");

        read.put("step", 2);
        storage.write(Map.of("conv/1", read)).join();

        assertThat(read.get("eTag")).isNotEqualTo(before);
        assertThat(readMap(storage, "conv/1")).containsEntry("step", 2);
    }

    @Test
    void whenAnotherInstanceWroteFirstThenAStaleWriteIsRefusedAndLosesNothing() {
        storage.write(Map.of("conv/1", state("step", 1))).join();
        Map<String, Object> mine = readMap(storage, "conv/1");
        Map<String, Object> theirs = readMap(otherInstance, "conv/1");

        theirs.put("step", "theirs");
        otherInstance.write(Map.of("conv/1", theirs)).join();
        mine.put("step", "mine");

        assertThatThrownBy(() -> storage.write(Map.of("conv/1", mine)).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(StateConflictException.class);
        assertThat(readMap(storage, "conv/1")).containsEntry("step", "theirs");
    }

    @Test
    void twoNewConversationsRacingForTheSameKeyCannotBothCreateIt() {
        storage.write(Map.of("conv/new", state("by", "first"))).join();

        assertThatThrownBy(() -> otherInstance.write(Map.of("conv/new", state("by", "second"))).join())
                .hasCauseInstanceOf(StateConflictException.class);
        assertThat(readMap(storage, "conv/new")).containsEntry("by", "first");
    }

    @Test
    void aWildcardEtagOverwritesWhateverIsThere() {
        storage.write(Map.of("conv/1", state("step", 1))).join();

        storage.write(Map.of("conv/1", state("step", 9, "eTag", "*"))).join();

        assertThat(readMap(storage, "conv/1")).containsEntry("step", 9);
    }

    @Test
    void aConflictOnOneKeyWritesNoneOfTheKeysOfThatCall() {
        storage.write(Map.of("a", state("v", 1))).join();
        Map<String, Object> staleA = readMap(storage, "a");
        otherInstance.write(Map.of("a", readMap(otherInstance, "a"))).join();

        Map<String, Object> batch = new HashMap<>();
        batch.put("a", staleA);
        batch.put("b", state("v", 2));
        assertThatThrownBy(() -> storage.write(batch).join()).hasCauseInstanceOf(StateConflictException.class);

        assertThat(storage.read(new String[] {"b"}).join()).isEmpty();
    }

    @Test
    void deletedKeysAreGoneAndAnOldEtagCannotResurrectThem() {
        storage.write(Map.of("conv/1", state("step", 1))).join();
        Map<String, Object> old = readMap(storage, "conv/1");

        storage.delete(new String[] {"conv/1"}).join();

        assertThat(storage.read(new String[] {"conv/1"}).join()).isEmpty();
        assertThatThrownBy(() -> storage.write(Map.of("conv/1", old)).join()).hasCauseInstanceOf(StateConflictException.class);
    }

    @Test
    void storeItemsCarryTheirEtagThroughTheInterface() {
        Note note = new Note();
        note.text = "first";
        storage.write(Map.of("note", note)).join();
        Note read = (Note) storage.read(new String[] {"note"}).join().get("note");

        assertThat(read.text).isEqualTo("first");
        assertThat(read.getETag()).isEqualTo(note.getETag()).isNotBlank();
    }

    @Test
    void dialogStateOfTheBotSdkRoundTripsWithItsTypes() {
        DialogInstance instance = new DialogInstance("ask", state("values", state("count", 3)));
        List<DialogInstance> stack = new ArrayList<>(List.of(instance));
        storage.write(Map.of("conv/dialogs", state("DialogState", new DialogState(stack)))).join();

        Object read = readMap(storage, "conv/dialogs").get("DialogState");

        assertThat(read).isInstanceOf(DialogState.class);
        DialogInstance back = ((DialogState) read).getDialogStack().get(0);
        assertThat(back.getId()).isEqualTo("ask");
        assertThat(back.getState()).containsEntry("values", state("count", 3));
    }

    @Test
    void aRowNamingAClassOutsideTheAllowedPackagesIsNotInstantiated() {
        jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO bot_state (state_key, etag, document) VALUES ('evil', 1, CAST(? AS jsonb))",
                "[\"java.util.HashMap\",{\"x\":[\"java.net.URL\",\"http://example.com\"]}]"));

        assertThatThrownBy(() -> storage.read(new String[] {"evil"}).join())
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasStackTraceContaining("java.net.URL");
    }

    public static final class Note implements StoreItem {
        public String text;
        private String eTag;

        @Override
        public String getETag() {
            return eTag;
        }

        @Override
        public void setETag(String withETag) {
            eTag = withETag;
        }
    }
}
