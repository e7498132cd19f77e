package org.icpengine.core.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Models#fit} on one demo workspace of 2,500 accounts, fitted once for the class. */
class ModelsDemoIT {

    @TempDir
    static Path dir;

    static Workspace ws;
    static Store store;
    static DuckDbEngine engine;
    static LocalDate asOf;
    static FitReport report;

    @BeforeAll
    static void fitTheDemo() {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(2500).withSeed(11)).generate(dir);
        ws = Workspace.open(dir);
        Ingestor.run(ws);
        store = Store.open(ws.storeFile());
        engine = DuckDbEngine.over(store);
        asOf = ws.config().asOf().orElseThrow();
        report = Models.fit(engine, ws.config(), asOf, 42);
    }

    @AfterAll
    static void close() {
        engine.close();
        store.close();
    }

    @Test
    void fitProducesTheThreeLearnedModelsAndTheHandWrittenOne() {
        assertThat(report.skipped()).isEmpty();
        assertThat(report.models()).extracting(ModelFile::name)
                .containsExactly("fit", "conversion", "health", "kickoff-workshop-2026");
        ModelFile fit = report.model("fit").orElseThrow();
        assertThat(fit.summary().trainingAuc()).isGreaterThan(0.7);
        assertThat(fit.features()).extracting(FeatureSpec::name).contains("industry", "employees", "has_snowflake");
        assertThat(fit.tiers()).extracting(t -> t.name()).containsExactly("A", "B", "C", "D");
        assertThat(fit.ltvByTier()).containsKeys("A", "D");
        assertThat(fit.ltvByTier().get("A")).isGreaterThan(fit.ltvByTier().get("D"));
        for (ModelFile m : report.models()) {
            assertThat(m.id()).hasSize(16);
            assertThat(m.createdAt()).isEqualTo(asOf + "T00:00:00Z");
            assertThat(ScoringTable.rows(m)).isNotEmpty();
        }
        ModelFile hand = report.model("kickoff-workshop-2026").orElseThrow();
        assertThat(hand.summary().rows()).isEqualTo(fit.summary().rows());
        assertThat(ScoringTable.markdown(hand)).contains("| Industry | industry in ('Fintech', 'SaaS') | 30 |");
    }

    @Test
    void aSavedAndLoadedModelScoresBitIdentically(@TempDir Path out) {
        ResultTable rows = AccountMetrics.on(engine, ws.config()).read(asOf);
        List<ModelFile> loaded = report.models().stream().map(m -> ModelFile.read(m.write(out))).toList();
        assertThat(loaded).isEqualTo(report.models());
        Scoring before = Scoring.of(report.models(), ws.config());
        Scoring after = Scoring.of(loaded, ws.config());
        for (ModelFile m : report.models()) {
            assertThat(after.scores(m.name(), rows)).containsExactly(before.scores(m.name(), rows));
        }
        for (int i = 0; i < rows.size(); i += 7) {
            AccountScore a = before.score(Features.row(rows, i));
            AccountScore b = after.score(Features.row(rows, i));
            assertThat(b).isEqualTo(a);
            for (int m = 0; m < a.scores().size(); m++) {
                assertThat(Double.doubleToRawLongBits(b.scores().get(m).probability()))
                        .isEqualTo(Double.doubleToRawLongBits(a.scores().get(m).probability()));
            }
        }
    }

    @Test
    void fittingTwiceWithTheSameSeedWritesTheSameBytes() {
        FitReport again = Models.fit(engine, ws.config(), asOf, 42);
        assertThat(again.models()).hasSameSizeAs(report.models());
        for (int i = 0; i < report.models().size(); i++) {
            assertThat(again.models().get(i).toJson()).isEqualTo(report.models().get(i).toJson());
        }
    }

    @Test
    void expectedValueIsTheWinProbabilityTimesTheLtvOfTheFitTier() {
        ResultTable rows = AccountMetrics.on(engine, ws.config()).read(asOf);
        Scoring scoring = Scoring.of(report.models(), ws.config());
        ModelFile fit = report.model("fit").orElseThrow();
        AccountScore s = scoring.score(Features.row(rows, 3));
        ModelScore f = s.scores().get(0);
        ModelScore c = s.scores().get(1);
        assertThat(s.expectedValue()).isEqualTo(c.probability() * fit.ltvByTier().get(f.tier()));
        assertThat(c.probability()).isBetween(0.0, 1.0);
        assertThat(f.gained().size() + f.lost().size()).isBetween(1, 6);
    }
}
