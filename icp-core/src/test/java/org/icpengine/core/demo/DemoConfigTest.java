package org.icpengine.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written {@code icp.yaml} follows the DESIGN.md format and maps every generated file and value. */
class DemoConfigTest {

    @TempDir
    static Path dir;

    static DemoWorkspace ws;
    static String text;

    @BeforeAll
    static void generate() throws IOException {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(300).withSeed(7)).generate(dir);
        ws = DemoWorkspace.load(dir);
        text = Files.readString(dir.resolve("icp.yaml"));
    }

    @Test
    void hasACommentHeaderAndTheTopLevelKeysOfTheFormat() {
        assertThat(text).startsWith("# ICP Engine demo workspace\n").contains("seed 7, 300 accounts");
        assertThat(ws.config.keySet()).containsExactly("as_of", "currency", "sources", "use_cases", "bands",
                "tech_stack_flags", "economics", "ideal", "models", "tiers", "scorecards");
        assertThat(String.valueOf(ws.config.get("as_of"))).isEqualTo("2026-06-30");
        assertThat(ws.config.get("ideal")).isEqualTo("retained_12m and nrr_12m >= 1.0 and ltv_cac >= 3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mapsAllEightTablesToFilesWhoseHeadersHoldTheMappedColumns() throws IOException {
        Map<String, Object> sources = (Map<String, Object>) ws.config.get("sources");
        assertThat(sources.keySet()).containsExactly("accounts", "opportunities", "subscriptions", "usage_events",
                "nps_responses", "support_tickets", "spend", "research_notes");
        for (String table : sources.keySet()) {
            CsvTable t = ws.table(table);
            Map<String, Object> columns = (Map<String, Object>) ws.source(table).getOrDefault("columns", Map.of());
            for (Object column : columns.values()) {
                assertThat(t.header()).as(table).contains(String.valueOf(column));
            }
        }
        // The CRM exports really need the mapping: their headers are not the canonical names.
        assertThat(ws.table("accounts").header()).doesNotContain("account_id", "industry");
        assertThat(ws.table("opportunities").header()).doesNotContain("stage", "opportunity_id");
        assertThat(ws.source("accounts")).containsEntry("list_separator", ";")
                .containsKeys("null_values", "values", "attributes");
        assertThat((List<Object>) ws.source("accounts").get("null_values")).contains("", "NA", "Select");
    }

    @Test
    @SuppressWarnings("unchecked")
    void valueMappingsCoverEveryNonCanonicalValueInTheFiles() throws IOException {
        Map<String, Object> accountValues = (Map<String, Object>) ws.source("accounts").get("values");
        Set<String> sectors = new HashSet<>(ws.table("accounts").column("sector"));
        sectors.removeAll(List.of(Catalog.INDUSTRIES));
        assertThat(sectors).isNotEmpty();
        assertThat(((Map<String, Object>) accountValues.get("industry")).keySet()).containsAll(sectors);

        Map<String, Object> dealValues = (Map<String, Object>) ws.source("opportunities").get("values");
        assertThat(((Map<String, Object>) dealValues.get("stage")).keySet())
                .containsAll(new HashSet<>(ws.table("opportunities").column("deal_stage")));
        assertThat(((Map<String, Object>) dealValues.get("type")).keySet())
                .containsAll(new HashSet<>(ws.table("opportunities").column("deal_type")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void useCasesCoverEveryEventAndSomeAreHighValue() throws IOException {
        Map<String, Object> useCases = (Map<String, Object>) ws.config.get("use_cases");
        Set<String> events = new HashSet<>(ws.table("usage_events").column("event"));
        for (String event : events) {
            long matches = useCases.values().stream()
                    .filter(u -> ((List<Object>) ((Map<String, Object>) u).get("events")).stream()
                            .anyMatch(g -> glob(String.valueOf(g)).matcher(event).matches()))
                    .count();
            assertThat(matches).as(event).isEqualTo(1);
        }
        assertThat(useCases.values()).filteredOn(u -> Boolean.TRUE.equals(((Map<String, Object>) u).get("high_value")))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bandsEconomicsModelsTiersAndTheScorecardAreWellFormed() {
        Map<String, Object> bands = (Map<String, Object>) ws.config.get("bands");
        assertThat(bands.get("employees")).isEqualTo(List.of(10, 50, 200, 1000, 5000));
        assertThat((List<Object>) ws.config.get("tech_stack_flags")).contains("salesforce", "hubspot", "snowflake");
        assertThat((Map<String, Object>) ws.config.get("economics"))
                .containsEntry("gross_margin", 0.80).containsEntry("cac_window_months", 3);
        assertThat(((Map<String, Object>) ws.config.get("models")).keySet()).containsExactly("fit", "conversion", "health");
        Map<String, Object> tiers = (Map<String, Object>) ws.config.get("tiers");
        assertThat(tiers.keySet()).containsExactly("A", "B", "C", "D");
        assertThat(tiers.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

        List<Object> cards = (List<Object>) ws.config.get("scorecards");
        assertThat(cards).hasSize(1);
        Map<String, Object> card = (Map<String, Object>) cards.get(0);
        assertThat(card).containsKey("name");
        List<Object> criteria = (List<Object>) card.get("criteria");
        assertThat(criteria).hasSize(3).allSatisfy(c -> {
            List<Object> cb = (List<Object>) ((Map<String, Object>) c).get("bands");
            assertThat((Map<String, Object>) cb.get(cb.size() - 1)).containsEntry("else", 0);
            assertThat(cb.subList(0, cb.size() - 1)).allSatisfy(b -> assertThat((Map<String, Object>) b).containsKeys("when", "points"));
        });
    }

    private static Pattern glob(String g) {
        return Pattern.compile(Pattern.quote(g).replace("*", "\\E.*\\Q"));
    }
}
