package org.icpengine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icpengine.cli.CliRun.icp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.icpengine.core.workspace.Workspace;
import org.icpengine.server.auth.ApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icp serve --new-key} and the usage errors of {@code icp serve}. */
class ServeCommandIT {

    private static final Pattern KEY = Pattern.compile("icp_[A-Za-z0-9_-]{43}");

    @TempDir
    Path dir;

    @Test
    void newKeyPrintsTheKeyOnceAndStoresOnlyItsHash() throws IOException {
        assertThat(icp("init", dir.toString()).exitCode()).isZero();

        CliRun r = icp("serve", "--new-key", "--workspace", dir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        Matcher m = KEY.matcher(r.out());
        assertThat(m.find()).isTrue();
        String key = m.group();
        assertThat(r.out().split(Pattern.quote(key), -1)).hasSize(3); // the key line and the header example
        Path file = dir.resolve(".icp").resolve(ApiKeys.FILE_NAME);
        assertThat(Files.readString(file)).doesNotContain(key).doesNotContain(key.substring(4));
        assertThat(ApiKeys.load(ApiKeys.file(Workspace.open(dir))).matches(key)).isTrue();

        CliRun second = icp("serve", "--new-key", "--workspace", dir.toString());
        Matcher m2 = KEY.matcher(second.out());
        assertThat(m2.find()).isTrue();
        assertThat(m2.group()).isNotEqualTo(key);
        ApiKeys both = ApiKeys.load(file);
        assertThat(both.size()).isEqualTo(2);
        assertThat(both.matches(key)).isTrue();
        assertThat(both.matches(m2.group())).isTrue();
    }

    @Test
    void serveWithoutAStoreExitsTwoSayingWhatToRun() {
        assertThat(icp("init", dir.toString()).exitCode()).isZero();

        CliRun r = icp("serve", "--port", "0", "--workspace", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("has no store yet").contains("icp ingest").doesNotContain("\tat ");
    }

    @Test
    void aBadPortExitsTwo() {
        assertThat(icp("init", dir.toString()).exitCode()).isZero();

        CliRun r = icp("serve", "--port", "70000", "--workspace", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--port must be between 0 and 65535");
    }
}
