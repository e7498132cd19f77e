package org.icpengine.core.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.icpengine.core.config.ConfigLoader;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.stats.scorecard.Tier;
import org.junit.jupiter.api.Test;

/** A hand-written scorecard scored by hand: first matching band, else band, SQL nulls, tiers, reasons. */
class HandScorecardTest {

    private static final WorkspaceConfig CONFIG = ConfigLoader.defaults(Path.of("icp.yaml"));

    private static ModelFile workshop(List<Tier> tiers) {
        HandScorecard card = new HandScorecard(List.of(
                new HandScorecard.Criterion("Industry", List.of(new HandScorecard.Band("industry in ('Fintech', 'SaaS')", 30),
                        new HandScorecard.Band("industry = 'Healthcare'", 15), new HandScorecard.Band(null, 0)), 10),
                new HandScorecard.Criterion("Company size", List.of(
                        new HandScorecard.Band("employees between 201 and 1000", 25),
                        new HandScorecard.Band("employees between 51 and 200", 15)), 10),
                new HandScorecard.Criterion("Tech stack", List.of(new HandScorecard.Band("'salesforce' in tech_stack", 20),
                        new HandScorecard.Band("'snowflake' in tech_stack", 15), new HandScorecard.Band(null, 0)), 5)));
        return new ModelFile(ModelFile.FORMAT_VERSION, "x", "workshop", ModelFile.HAND_WRITTEN, "2026-06-30T00:00:00Z",
                new Provenance("2026-06-30", 1, "c", "d", "dev"),
                new ModelFile.Settings(List.of("industry", "employees", "tech_stack"), CONFIG.tiers(), ""),
                new TrainingSummary("test", "", 4, -1, Double.NaN), List.of(), null, card, tiers, Map.of());
    }

    private static Map<String, Object> row(String industry, Integer employees, List<String> tech) {
        Map<String, Object> m = new HashMap<>();
        m.put("industry", industry);
        m.put("employees", employees);
        m.put("tech_stack", tech);
        return m;
    }

    @Test
    void eachCriterionGivesItsFirstMatchingBandAndUnknownConditionsDoNotMatch() {
        Scoring s = Scoring.of(List.of(workshop(List.of(new Tier("A", 0.5, 60, 0.5), new Tier("D", 0.5, Integer.MIN_VALUE, 0.5)))),
                CONFIG);

        ModelScore fintech = s.score(row("Fintech", 120, List.of("snowflake"))::get).scores().get(0);
        ModelScore health = s.score(row("Healthcare", 500, List.of("salesforce", "snowflake"))::get).scores().get(0);
        ModelScore unknown = s.score(row("Retail", null, null)::get).scores().get(0);

        assertThat(fintech.score()).isEqualTo(30 + 15 + 15);
        assertThat(health.score()).isEqualTo(15 + 25 + 20);
        assertThat(unknown.score()).isZero();
        assertThat(fintech.tier()).isEqualTo("A");
        assertThat(unknown.tier()).isEqualTo("D");
        assertThat(Double.isNaN(fintech.probability())).isTrue();
        assertThat(unknown.missing()).containsExactly("employees", "tech_stack");
        // deltas against the criterion means 10, 10, 5
        assertThat(fintech.gained()).extracting(Reason::criterion).containsExactly("Industry", "Tech stack", "Company size");
        assertThat(fintech.gained().get(0).delta()).isCloseTo(20, within(1e-12));
        assertThat(unknown.lost()).extracting(Reason::bin).containsExactly("else", "no band", "else");
        assertThat(unknown.lost()).extracting(Reason::criterion).containsExactly("Industry", "Company size", "Tech stack");
    }

    @Test
    void tiersCutTheSortedScoresAtTheCumulativeSharesWithTiesGoingUp() {
        Map<String, Double> shares = new LinkedHashMap<>(CONFIG.tiers());
        List<Tier> tiers = Tiers.of(new int[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, shares);

        assertThat(tiers).extracting(Tier::minScore).containsExactly(100, 70, 40, Integer.MIN_VALUE);
        assertThat(tiers).extracting(Tier::trainingShare).containsExactly(0.1, 0.3, 0.3, 0.3);
        List<Tier> tied = Tiers.of(new int[] {5, 5, 5, 5}, shares);
        assertThat(tied.get(0).trainingShare()).isEqualTo(1.0);
    }

    @Test
    void aHandWrittenModelFileSurvivesAJsonRoundTrip() {
        ModelFile m = workshop(Tiers.of(new int[] {0, 30, 60, 75}, CONFIG.tiers())).withContentId();
        assertThat(ModelFile.fromJson(m.toJson())).isEqualTo(m);
        assertThat(ScoringTable.csv(m)).startsWith("criterion,bin,points,accounts,rate\nIndustry,\"industry in ('Fintech', 'SaaS')\",30,,\n");
    }
}
