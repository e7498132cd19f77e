package org.icpengine.stats.subgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the pysubgroup German-credit results of REFERENCE.md (target creditability = bad, the
 * 13 text columns as nominal attributes, depth 5), and checks the beam against exhaustive search.
 *
 * <p>Beam width 20: on this data width 10 already yields the exhaustive top 12 (non-redundant) for
 * a = 1 and width 5 for a = 0.5; 20 leaves a margin and still runs in milliseconds.
 */
class BeamSearchGermanCreditTest {

    private static final int BEAM_WIDTH = 20;
    private static final String CHECKING = "status_of_existing_checking_account";

    private static GermanCredit credit;
    private static SubgroupData data;
    private static boolean[] bad;

    @BeforeAll
    static void load() {
        credit = GermanCredit.load();
        data = credit.nominalData("creditability");
        String[] t = credit.column("creditability");
        bad = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            bad[i] = t[i].equals("bad");
        }
    }

    private static SubgroupResult search(double alpha) {
        return BeamSearch.builder().alpha(alpha).maxDepth(5).beamWidth(BEAM_WIDTH).resultSize(12).build().search(data, bad);
    }

    @Test
    void dataHasThePublishedShape() {
        assertThat(credit.rows).hasSize(1000);
        assertThat(data.attributes()).hasSize(13).contains(CHECKING, "foreign_worker", "telephone");
        // the quoted value with a comma is one field
        assertThat(data.selectors()).contains(new NominalSelector("telephone", "yes, registered under the customers name"));
    }

    @Test
    void wraccBestSubgroupIsCheckingBelowZeroAndForeignWorker() {
        SubgroupResult r = search(1.0);
        assertThat(r.populationSize()).isEqualTo(1000);
        assertThat(r.populationPositives()).isEqualTo(300);
        assertThat(r.populationShare()).isEqualTo(0.3);

        Subgroup best = r.subgroups().get(0);
        assertThat(best.selectors()).containsExactly(
                new NominalSelector(CHECKING, "... < 0 DM"), new NominalSelector("foreign_worker", "yes"));
        assertThat(best.size()).isEqualTo(259);
        assertThat(best.positives()).isEqualTo(133);
        assertThat(best.targetShare()).isCloseTo(133.0 / 259, within(1e-15));
        assertThat(best.quality()).isCloseTo(0.0553, within(1e-12));
        assertThat(r.lift(best)).isCloseTo(133.0 / 259 / 0.3, within(1e-12));

        Subgroup single = r.subgroups().get(1);
        assertThat(single.selectors()).containsExactly(new NominalSelector(CHECKING, "... < 0 DM"));
        assertThat(single.quality()).isCloseTo(0.0528, within(1e-12));
    }

    @Test
    void halfExponentBestAndRunnerUpMatchPysubgroup() {
        SubgroupResult r = search(0.5);
        Subgroup best = r.subgroups().get(0);
        assertThat(best.quality()).isCloseTo(0.11457431093955019, within(1e-12));
        assertThat(best.depth()).isEqualTo(5);
        assertThat(best.describe()).isEqualTo("status_of_existing_checking_account = '... < 0 DM'"
                + " AND savings_account_and_bonds = '... < 100 DM' AND other_debtors_or_guarantors = 'none'"
                + " AND job = 'skilled employee / official' AND foreign_worker = 'yes'");
        assertThat(r.subgroups().get(1).quality()).isCloseTo(0.113713540226172, within(1e-12));
    }

    @Test
    void beamFindsTheExhaustiveTopTwelveForBothExponents() {
        List<String> names = new ArrayList<>(data.attributes());
        String[][] columns = new String[names.size()][];
        for (int a = 0; a < columns.length; a++) {
            columns[a] = credit.column(names.get(a));
        }
        Exhaustive exhaustive = new Exhaustive(names.toArray(new String[0]), columns, bad, 5);
        for (double alpha : new double[] {1.0, 0.5}) {
            double[] beam = search(alpha).subgroups().stream().mapToDouble(Subgroup::quality).toArray();
            assertThat(beam).containsExactly(exhaustive.topQualities(12, alpha, true), within(1e-15));
        }
    }

    @Test
    void resultsRespectTheConjunctionRules() {
        for (Subgroup s : search(0.5).subgroups()) {
            assertThat(s.selectors().stream().map(Selector::attribute).distinct().count()).isEqualTo(s.depth());
            boolean[] rows = data.covers(s.selectors());
            int size = 0;
            int positives = 0;
            for (int i = 0; i < rows.length; i++) {
                size += rows[i] ? 1 : 0;
                positives += rows[i] && bad[i] ? 1 : 0;
            }
            assertThat(s.size()).isEqualTo(size);
            assertThat(s.positives()).isEqualTo(positives);
            assertThat(s.quality()).isCloseTo(Math.sqrt(size / 1000.0) * ((double) positives / size - 0.3), within(1e-14));
        }
        assertThat(search(0.5).subgroups().stream().map(s -> java.util.Set.copyOf(s.selectors())).distinct().count())
                .isEqualTo(12);
    }
}
