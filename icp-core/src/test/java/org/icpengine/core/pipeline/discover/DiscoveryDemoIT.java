package org.icpengine.core.pipeline.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.demo.PlantedIcp;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.stats.binning.IvStrength;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery on the demo company (2000 accounts, seed 42: the smallest size at which the planted profile is
 * rediscovered exactly; about 80 planted mature customers). One workspace is generated, ingested and its metrics
 * computed for the whole class. The planted profile is read from {@code demo-truth.json}, as a user of the demo
 * would check it.
 */
class DiscoveryDemoIT {

    @TempDir
    static Path dir;

    static Workspace ws;
    static LocalDate asOf;
    static DiscoveryReport report;
    static JsonNode truth;

    @BeforeAll
    static void generateIngestAndDiscover() throws IOException {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(2000).withSeed(42)).generate(dir);
        ws = Workspace.open(dir);
        Ingestor.run(ws);
        asOf = ws.config().asOf().orElseThrow();
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            AccountMetrics.on(engine, ws.config()).compute(asOf);
            report = Discovery.run(engine, ws.config(), asOf);
        }
        truth = new ObjectMapper().readTree(dir.resolve("demo-truth.json").toFile()).get("planted_icp");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theTopRuleIsThePlantedProfile() {
        IcpRule top = report.rules().get(0);

        assertThat(top.attributes()).containsExactly("industry", "employees", "has_snowflake");
        assertThat(top.conditions().get(0).values()).containsExactlyInAnyOrderElementsOf(texts(truth.get("industries")));
        IcpRule.Condition size = top.conditions().get(1);
        assertThat(size.lower()).isEqualTo(truth.get("employees_min").asDouble());
        assertThat(size.upper()).isEqualTo(truth.get("employees_max").asDouble() + 1);
        assertThat(texts(truth.get("tech"))).containsExactly("snowflake");
        assertThat(top.conditions().get(2).values()).containsExactly("true");
        assertThat(top.sentence()).startsWith("Fintech or SaaS companies with 51–200 employees using Snowflake: ")
                .endsWith("× the ideal rate, n = " + top.customers());
        assertThat(top.expression())
                .isEqualTo("industry in ('Fintech', 'SaaS') and employees between 51 and 200 and has_snowflake");
        assertThat(top.lift()).isGreaterThan(2.5);
        assertThat(top.idealRate()).isBetween(top.idealRateLow(), top.idealRateHigh());
        assertThat(top.idealRateLow()).isGreaterThan(report.population().idealRate());
        assertThat(top.medianLtvCac()).isGreaterThan(3.0);
        assertThat(top.customers()).isGreaterThanOrEqualTo(report.settings().minSupportFor((int) report.population().labelled()));
    }

    @Test
    void rulesAreRankedByQualityAndEachConditionEarnsItsPlace() {
        assertThat(report.rules()).hasSizeBetween(3, report.settings().rules());
        assertThat(report.rules()).extracting(IcpRule::quality).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(report.rules()).extracting(IcpRule::expression).doesNotHaveDuplicates();
        assertThat(report.rules()).allSatisfy(r -> {
            assertThat(r.lift()).isGreaterThan(1);
            assertThat(r.conditions()).hasSizeBetween(1, report.settings().maxDepth());
            assertThat(r.ideal()).isLessThanOrEqualTo(r.customers());
        });
    }

    @Test
    void thePlantedTraitsAreTheStrongestFirmographicIndicatorsAndRankHighOverall() {
        List<String> names = report.indicators().stream().map(Indicator::name).toList();
        List<String> firmographic = report.indicators().stream()
                .filter(i -> i.group().equals("firmographic")).map(Indicator::name).toList();

        assertThat(firmographic.subList(0, 3)).containsExactlyInAnyOrder("industry", "employees_band", "has_snowflake");
        assertThat(names.subList(0, 10)).contains("industry", "employees_band", "has_snowflake");
        assertThat(report.indicators()).extracting(Indicator::iv).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // the outcome's own columns and the metrics they are computed from are not indicators
        assertThat(names).doesNotContain("retained_12m", "nrr_12m", "ltv_cac", "ltv", "cac", "mrr", "is_active",
                "account_id", "name", "customer_since", "tech_stack", "employees");
        assertThat(names).contains("active_days_per_week", "nps", "funding_stage", "win_rate");
    }

    @Test
    void everyIndicatorCarriesWoePerBinAndAConsistentStrength() {
        Indicator industry = report.indicators().stream().filter(i -> i.name().equals("industry")).findFirst().orElseThrow();
        Indicator.Bin saas = industry.bins().stream().filter(b -> b.label().equals("SaaS")).findFirst().orElseThrow();

        assertThat(saas.woe()).as("more ideal than average → negative WoE").isNegative();
        assertThat(report.indicators()).allSatisfy(i -> {
            assertThat(i.strength()).isEqualTo(IvStrength.of(i.iv()));
            assertThat(i.bins().stream().mapToDouble(Indicator.Bin::iv).sum()).isCloseTo(i.iv(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(i.bins().stream().mapToLong(Indicator.Bin::customers).sum()).isEqualTo(i.rows());
            assertThat(i.rows()).isEqualTo(report.population().labelled());
        });
    }

    @Test
    void personasAreDeterministicGivenTheSeedAndTheLargestIsThePlantedProfile() {
        DiscoveryReport again;
        DiscoveryReport otherSeed;
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            again = Discovery.run(engine, ws.config(), asOf);
            otherSeed = Discovery.run(engine, ws.config(), asOf, DiscoverySettings.DEFAULTS.withSeed(7));
        }
        assertThat(again.personas()).isEqualTo(report.personas());
        assertThat(otherSeed.personas()).isNotEmpty();

        List<Persona> personas = report.personas();
        assertThat(personas).hasSizeBetween(report.settings().kMin(), report.settings().kMax());
        assertThat(personas.stream().mapToInt(Persona::customers).sum()).isEqualTo(report.population().ideal());
        Persona first = personas.get(0);
        assertThat(first.categories().get("employees_band").get(0).value()).isEqualTo(PlantedIcp.DEFAULT.employeesBand());
        assertThat(first.categories().get("industry")).extracting(Persona.Share::value)
                .containsAnyElementsOf(PlantedIcp.DEFAULT.industries());
        assertThat(first.painPoints()).extracting(Persona.PainPoint::tag)
                .containsAnyElementsOf(texts(truth.get("pain_points_over_represented")));
        assertThat(first.painPoints()).allSatisfy(p -> assertThat(p.lift()).isGreaterThan(1));
        assertThat(first.cultureFit()).isNotNull();
        assertThat(first.cultureFit().mean()).isGreaterThan(first.cultureFit().baseMean());
        assertThat(first.summary()).startsWith("Persona 1, ").contains("Pain points:", "Culture fit:");
        assertThat(report.skipped()).isEmpty();
    }

    @Test
    void theReportRoundTripsThroughJson() {
        String json = Discovery.toJson(report);

        assertThat(json).contains("\"as_of\" : \"2026-06-30\"", "\"ideal_rate_low\"", "\"pain_points\"");
        assertThat(Discovery.fromJson(json)).isEqualTo(report);
    }
}
