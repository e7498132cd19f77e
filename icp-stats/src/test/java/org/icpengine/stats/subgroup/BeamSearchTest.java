package org.icpengine.stats.subgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.SplittableRandom;
import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;

class BeamSearchTest {

    /**
     * Rows come in identical pairs that differ only in "b" (u, v), so b is exactly neutral: splitting any
     * subgroup by b halves it and keeps its rates. "a" in {x, y}, "age" numeric; the target is tied to
     * a = x and age &lt; 30, the spend to age &gt;= 40.
     */
    private static final int N = 400;
    private static final String[] A = new String[N];
    private static final String[] B = new String[N];
    private static final double[] AGE = new double[N];
    private static final boolean[] Y = new boolean[N];
    private static final double[] SPEND = new double[N];

    static {
        SplittableRandom rng = new SplittableRandom(9);
        for (int j = 0; j < N / 2; j++) {
            double age = 18 + rng.nextInt(50);
            for (int i = 2 * j; i < 2 * j + 2; i++) {
                A[i] = j % 2 == 0 ? "x" : "y";
                B[i] = i % 2 == 0 ? "u" : "v";
                AGE[i] = age;
                Y[i] = (A[i].equals("x") && age < 30) || j % 10 == 0;
                SPEND[i] = (age >= 40 ? 100 : 50) + (j % 7);
            }
        }
    }

    private static SubgroupData data() {
        return SubgroupData.builder().nominal("a", A).nominal("b", B).numeric("age", AGE, new double[] {30, 40, 50}).build();
    }

    @Test
    void numericIntervalsCoverEveryRunOfBinsOfTheCutPoints() {
        SubgroupData d = SubgroupData.builder().numeric("age", new double[] {10, 35, 45, 60}, new double[] {30, 40, 50}).build();
        // bounds -inf 30 40 50 +inf: 5 choose 2 = 10 intervals minus the unbounded one
        assertThat(d.selectors()).hasSize(9)
                .contains(new IntervalSelector("age", Double.NEGATIVE_INFINITY, 30), new IntervalSelector("age", 30, 50),
                        new IntervalSelector("age", 50, Double.POSITIVE_INFINITY));
        assertThat(new IntervalSelector("age", 30, 50).describe()).isEqualTo("30 <= age < 50");
        assertThat(new IntervalSelector("age", Double.NEGATIVE_INFINITY, 30.5).describe()).isEqualTo("age < 30.5");
    }

    @Test
    void binarySearchFindsThePlantedRule() {
        SubgroupResult r = BeamSearch.builder().alpha(0.5).maxDepth(2).build().search(data(), Y);
        Subgroup best = r.subgroups().get(0);
        assertThat(best.selectors()).containsExactly(new NominalSelector("a", "x"),
                new IntervalSelector("age", Double.NEGATIVE_INFINITY, 30));
        assertThat(best.targetShare()).isEqualTo(1.0);
    }

    @Test
    void redundancyFilterDropsRefinementsThatDoNotBeatTheirGeneralisation() {
        SubgroupData d = data();
        // b splits every subgroup evenly, so a = x AND b = u never beats a = x
        BeamSearch.Builder search = BeamSearch.builder().alpha(0).maxDepth(3).resultSize(200);
        List<Subgroup> filtered = search.build().search(d, Y).subgroups();
        List<Subgroup> unfiltered = search.redundancyFilter(false).build().search(d, Y).subgroups();
        assertThat(filtered).noneMatch(s -> s.selectors().contains(new NominalSelector("b", "u"))
                && s.selectors().contains(new NominalSelector("a", "x")) && s.depth() == 2);
        assertThat(unfiltered).anyMatch(s -> s.selectors().contains(new NominalSelector("b", "u")));
        assertThat(filtered).allMatch(s -> s.quality() > 0);
        // every reported refinement beats each of its one-smaller generalisations
        for (Subgroup s : filtered) {
            for (int drop = 0; drop < s.depth() && s.depth() > 1; drop++) {
                List<Selector> g = new java.util.ArrayList<>(s.selectors());
                g.remove(drop);
                assertThat(s.quality()).isGreaterThan(qualityOf(d.covers(g), 0));
            }
        }
    }

    private static double qualityOf(boolean[] rows, double alpha) {
        int size = 0;
        int pos = 0;
        int total = 0;
        for (int i = 0; i < N; i++) {
            total += Y[i] ? 1 : 0;
            if (rows[i]) {
                size++;
                pos += Y[i] ? 1 : 0;
            }
        }
        return Math.pow((double) size / N, alpha) * ((double) pos / size - (double) total / N);
    }

    @Test
    void minimumSupportAndDepthAreRespected() {
        SubgroupResult r = BeamSearch.builder().alpha(0).maxDepth(2).minSupport(150).resultSize(50).build().search(data(), Y);
        assertThat(r.subgroups()).isNotEmpty().allMatch(s -> s.size() >= 150 && s.depth() <= 2);
    }

    @Test
    void numericTargetUsesTheMeanBasedQuality() {
        SubgroupResult r = BeamSearch.builder().alpha(1).maxDepth(2).build().search(data(), SPEND);
        assertThat(r.targetType()).isEqualTo(TargetType.NUMERIC);
        double mean = 0;
        for (double s : SPEND) {
            mean += s / N;
        }
        assertThat(r.populationShare()).isCloseTo(mean, within(1e-9));
        Subgroup best = r.subgroups().get(0);
        assertThat(best.selectors()).containsExactly(new IntervalSelector("age", 40, Double.POSITIVE_INFINITY));
        boolean[] rows = data().covers(best.selectors());
        double sum = 0;
        int size = 0;
        for (int i = 0; i < N; i++) {
            if (rows[i]) {
                sum += SPEND[i];
                size++;
            }
        }
        assertThat(best.size()).isEqualTo(size);
        assertThat(best.positives()).isCloseTo(sum, within(1e-9));
        assertThat(best.targetShare()).isCloseTo(sum / size, within(1e-9));
        assertThat(best.quality()).isCloseTo((double) size / N * (sum / size - mean), within(1e-9));
    }

    @Test
    void searchIsDeterministic() {
        BeamSearch s = BeamSearch.builder().alpha(0.5).maxDepth(3).beamWidth(5).build();
        assertThat(s.search(data(), Y)).isEqualTo(s.search(data(), Y));
    }

    @Test
    void resultRoundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SubgroupResult r = BeamSearch.builder().alpha(0.5).maxDepth(2).build().search(data(), Y);
        assertThat(r.subgroups()).anyMatch(s -> s.selectors().get(s.depth() - 1) instanceof IntervalSelector);
        String text = json.writeValueAsString(r);
        assertThat(text).contains("\"type\":\"interval\"").contains("\"type\":\"nominal\"");
        assertThat(json.readValue(text, SubgroupResult.class)).isEqualTo(r);
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        SubgroupData d = data();
        BeamSearch s = BeamSearch.builder().build();
        assertThatThrownBy(() -> s.search(d, new boolean[3]))
                .isInstanceOf(InputException.class).hasMessage("target has 3 rows; the data has 400");
        double[] t = SPEND.clone();
        t[5] = Double.NaN;
        assertThatThrownBy(() -> s.search(d, t)).isInstanceOf(InputException.class).hasMessage("target[5] must be finite, got NaN");
        assertThatThrownBy(() -> SubgroupData.builder().nominal("a", A).nominal("a", B))
                .isInstanceOf(InputException.class).hasMessage("attribute 'a' was added twice");
        assertThatThrownBy(() -> SubgroupData.builder().nominal("a", A).nominal("b", new String[2]))
                .isInstanceOf(InputException.class).hasMessage("attribute 'b' has 2 rows; earlier attributes have 400");
        assertThatThrownBy(() -> SubgroupData.builder().numeric("age", AGE, new double[] {40, 30}))
                .isInstanceOf(InputException.class)
                .hasMessage("cutPoints of 'age' must be strictly increasing; cutPoints[1] = 30.0 follows 40.0");
        assertThatThrownBy(() -> d.covers(List.of(new NominalSelector("colour", "red"))))
                .isInstanceOf(InputException.class).hasMessage("unknown attribute 'colour'; known: [a, b, age]");
        assertThatThrownBy(() -> BeamSearch.builder().beamWidth(0).build())
                .isInstanceOf(InputException.class).hasMessage("beamWidth must be >= 1, got 0");
        assertThatThrownBy(() -> SubgroupData.builder().build())
                .isInstanceOf(InputException.class).hasMessage("subgroup data needs at least one attribute");
    }

    @Test
    void missingValuesMatchNoSelector() {
        String[] a = {"x", null, "x", "y"};
        double[] age = {20, Double.NaN, 50, 35};
        SubgroupData d = SubgroupData.builder().nominal("a", a).numeric("age", age, new double[] {30}).build();
        assertThat(d.selectors()).containsExactly(new NominalSelector("a", "x"), new NominalSelector("a", "y"),
                new IntervalSelector("age", Double.NEGATIVE_INFINITY, 30), new IntervalSelector("age", 30, Double.POSITIVE_INFINITY));
        assertThat(d.covers(List.of(new IntervalSelector("age", Double.NEGATIVE_INFINITY, 30)))).containsExactly(true, false, false, false);
        assertThat(d.covers(List.of(new NominalSelector("a", "x")))).containsExactly(true, false, true, false);
        // infinite values are ordinary extremes of the open-ended intervals
        SubgroupData inf = SubgroupData.builder()
                .numeric("x", new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}, new double[] {0}).build();
        assertThat(inf.covers(List.of(new IntervalSelector("x", 0, Double.POSITIVE_INFINITY)))).containsExactly(false, true);
        assertThat(inf.covers(List.of(new IntervalSelector("x", Double.NEGATIVE_INFINITY, 0)))).containsExactly(true, false);
    }
}
