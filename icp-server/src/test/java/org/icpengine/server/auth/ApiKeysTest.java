package org.icpengine.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    @TempDir
    Path dir;

    @Test
    void aCreatedKeyMatchesAndOnlyItsSaltedHashIsStored() throws IOException {
        Path file = dir.resolve(".icp").resolve(ApiKeys.FILE_NAME);

        String key = ApiKeys.create(file, Clock.systemUTC());

        assertThat(key).startsWith(ApiKeys.PREFIX).hasSize(ApiKeys.PREFIX.length() + 43);
        String stored = Files.readString(file);
        assertThat(stored).doesNotContain(key).doesNotContain(key.substring(ApiKeys.PREFIX.length()))
                .contains("\"salt\"").contains("\"sha256\"");
        ApiKeys keys = ApiKeys.load(file);
        assertThat(keys.matches(key)).isTrue();
        assertThat(keys.matches(key + "x")).isFalse();
        assertThat(keys.matches(key.substring(0, key.length() - 1))).isFalse();
        assertThat(keys.matches("")).isFalse();
        assertThat(keys.matches(null)).isFalse();
    }

    @Test
    void everyKeyOfSeveralMatchesAndSaltsDiffer() throws IOException {
        Path file = dir.resolve(ApiKeys.FILE_NAME);
        String a = ApiKeys.create(file, Clock.systemUTC());
        String b = ApiKeys.create(file, Clock.systemUTC());

        ApiKeys keys = ApiKeys.load(file);

        assertThat(a).isNotEqualTo(b);
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.matches(a)).isTrue();
        assertThat(keys.matches(b)).isTrue();
    }

    @Test
    void noFileMeansNoKey() {
        assertThat(ApiKeys.load(dir.resolve("none.json")).isEmpty()).isTrue();
    }

    @Test
    void aCorruptFileIsBadInputNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve(ApiKeys.FILE_NAME), "{not json");

        assertThatThrownBy(() -> ApiKeys.load(file)).isInstanceOf(InputException.class).hasMessageContaining(file.toString());
        assertThat(file).hasContent("{not json");
    }
}
