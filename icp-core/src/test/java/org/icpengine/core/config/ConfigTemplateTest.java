package org.icpengine.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.icpengine.core.schema.CanonicalTable;
import org.junit.jupiter.api.Test;

/** The commented {@code icp.yaml} that {@code icp init} writes: it loads cleanly, shows the defaults and every key. */
class ConfigTemplateTest {

    private static String template() throws IOException {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("icp.template.yaml")) {
            assertThat(in).as("icp.template.yaml is on the class path next to ConfigLoader").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every key the loader accepts: each of its {@code *_KEYS} sets (found by reflection, so new ones count too). */
    private static Set<String> acceptedKeys() throws IllegalAccessException {
        Set<String> keys = new LinkedHashSet<>();
        int sets = 0;
        for (Field f : ConfigLoader.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getName().endsWith("_KEYS") && Set.class.isAssignableFrom(f.getType())) {
                for (Object k : (Set<?>) f.get(null)) {
                    keys.add((String) k);
                }
                sets++;
            }
        }
        assertThat(sets).as("ConfigLoader's key sets").isGreaterThanOrEqualTo(10);
        assertThat(keys).contains("as_of", "delimiter", "high_value", "cac_window_months", "when");
        keys.addAll(CanonicalTable.names());
        return keys;
    }

    @Test
    void templateLoadsCleanly() throws IOException {
        WorkspaceConfig c = ConfigLoader.parse(Path.of("icp.yaml"), template());

        assertThat(c.sources()).containsOnlyKeys(CanonicalTable.ACCOUNTS);
    }

    @Test
    void templateMentionsEveryKeyTheLoaderAccepts() throws IOException, IllegalAccessException {
        String template = template();
        List<String> missing = new ArrayList<>();
        for (String key : acceptedKeys()) {
            // as a key: at the start of a (possibly commented) line, or inside a flow mapping
            if (!Pattern.compile("(?m)(^[\\s#-]*|[{,]\\s*)" + Pattern.quote(key) + ":").matcher(template).find()) {
                missing.add(key);
            }
        }

        assertThat(missing).as("keys the loader accepts but icp.template.yaml never shows").isEmpty();
    }

    @Test
    void templateNamesEveryChoiceOfTheEnumeratedKeys() throws IOException {
        String template = template();

        for (AttributeType t : AttributeType.values()) {
            assertThat(template).as("attribute type").contains(t.yamlName());
        }
        for (SourceFormat f : SourceFormat.values()) {
            assertThat(template).as("format").contains(f.yamlName());
        }
    }

    @Test
    void templateShowsTheDefaultsOfTheKeysItSets() throws IOException {
        WorkspaceConfig t = ConfigLoader.parse(Path.of("icp.yaml"), template());
        WorkspaceConfig d = ConfigLoader.defaults(Path.of("icp.yaml"));

        assertThat(t.asOf()).isEqualTo(d.asOf());
        assertThat(t.currency()).isEqualTo(d.currency());
        assertThat(t.useCases()).isEqualTo(d.useCases());
        assertThat(t.bands()).isEqualTo(d.bands());
        assertThat(t.techStackFlags()).isEqualTo(d.techStackFlags());
        assertThat(t.economics()).isEqualTo(d.economics());
        assertThat(t.ideal().text()).isEqualTo(d.ideal().text());
        assertThat(t.models()).isEqualTo(d.models());
        assertThat(t.tiers()).isEqualTo(d.tiers());
        assertThat(t.scorecards()).isEqualTo(d.scorecards());
        assertThat(t.icpIndex()).isEqualTo(d.icpIndex());
        assertThat(t.ltv()).isEqualTo(d.ltv());
        SourceConfig acc = t.sources().get(CanonicalTable.ACCOUNTS);
        assertThat(acc.path()).isEqualTo("data/accounts.csv");
        assertThat(acc.listSeparator()).isEqualTo(";");
        assertThat(acc.sourceColumn("account_id")).isEqualTo("account_id");
    }
}
