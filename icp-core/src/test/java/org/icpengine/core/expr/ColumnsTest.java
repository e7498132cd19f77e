package org.icpengine.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void resolvesNamesCaseInsensitivelyToTheDeclaredName() {
        Columns columns = Columns.of(Map.of("Contract", ValueType.TEXT));
        assertThat(columns.resolve("contract")).contains("Contract");
        assertThat(columns.resolve("CONTRACT")).contains("Contract");
        assertThat(columns.typeOf("contract")).contains(ValueType.TEXT);
        assertThat(columns.resolve("contracts")).isEmpty();
        assertThat(Expr.parse("contract = 'annual'", columns).columns()).containsExactly("Contract");
    }

    @Test
    void keepsTheCallersOrderInAsMapAndSortsNames() {
        Map<String, ValueType> m = new LinkedHashMap<>();
        m.put("b", ValueType.TEXT);
        m.put("A", ValueType.NUMBER);
        m.put("c", ValueType.LIST);
        Columns columns = Columns.of(m);
        assertThat(columns.asMap().keySet()).containsExactly("b", "A", "c");
        assertThat(columns.names()).containsExactly("A", "b", "c");
        m.put("d", ValueType.DATE);
        assertThat(columns.asMap()).hasSize(3);
        assertThat(columns).isEqualTo(Columns.of(Map.of("b", ValueType.TEXT, "A", ValueType.NUMBER, "c", ValueType.LIST)));
    }

    @Test
    void rejectsNamesThatAreNotIdentifiers() {
        for (String bad : new String[] {"", "1abc", "a-b", "a b", "a\"b", "industry;", "ü", "a.b", "date", "AND", "Null"}) {
            assertThat(Columns.isValidName(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> Columns.of(Map.of(bad, ValueType.TEXT))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (String good : new String[] {"a", "_a", "has_salesforce", "nrr_12m", "A1_b2"}) {
            assertThat(Columns.isValidName(good)).as(good).isTrue();
        }
    }

    @Test
    void rejectsNamesThatDifferOnlyInCase() {
        assertThatThrownBy(() -> Columns.of(Map.of("industry", ValueType.TEXT, "Industry", ValueType.TEXT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ only in case");
    }

    @Test
    void noneKnowsNoColumn() {
        assertThat(Columns.none().names()).isEmpty();
        assertThat(Columns.none().typeOf("x")).isEmpty();
    }
}
