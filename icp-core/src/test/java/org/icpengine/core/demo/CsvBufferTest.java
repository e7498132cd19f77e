package org.icpengine.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CsvBufferTest {

    private static String text(CsvBuffer b) {
        return new String(b.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void quotesOnlyFieldsThatNeedItPerRfc4180() {
        CsvBuffer b = new CsvBuffer(8);
        b.text("plain").text("a, b").text("say \"hi\"").text("two\nlines").text("").text(null).endRow();

        assertThat(text(b)).isEqualTo("plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",,\n");
        assertThat(b.rows()).isEqualTo(1);
    }

    @Test
    void encodesNonAsciiTextAsUtf8() {
        CsvBuffer b = new CsvBuffer(8);
        b.text("Müller GmbH").text("São Bento, Ltda.").endRow();

        assertThat(b.toByteArray()).isEqualTo("Müller GmbH,\"São Bento, Ltda.\"\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void formatsNumbersMoneyBooleansAndIdsWithoutLocale() {
        CsvBuffer b = new CsvBuffer(8);
        b.number(0).number(-42).number(Long.MAX_VALUE).money(0).money(5).money(123_456).money(-150).bool(true).bool(false)
                .id("OPP-".getBytes(StandardCharsets.US_ASCII), 42, 6)
                .id("U".getBytes(StandardCharsets.US_ASCII), 1_234_567, 3).idSuffix('-', 7, 2).empty().endRow();

        assertThat(text(b)).isEqualTo("0,-42,9223372036854775807,0.00,0.05,1234.56,-1.50,true,false,OPP-000042,U1234567-07,\n");
    }

    @Test
    void formatsEveryDayLikeLocalDate() {
        CsvBuffer b = new CsvBuffer(16);
        StringBuilder expected = new StringBuilder();
        for (long day = LocalDate.of(1899, 12, 25).toEpochDay(); day <= LocalDate.of(2101, 1, 5).toEpochDay(); day++) {
            b.date(day).endRow();
            expected.append(LocalDate.ofEpochDay(day)).append('\n');
        }
        assertThat(text(b)).isEqualTo(expected.toString());
    }

    @Test
    void formatsTimestampsAsUtcInstants() {
        CsvBuffer b = new CsvBuffer(16);
        StringBuilder expected = new StringBuilder();
        long[] seconds = {0, 59, 86_399, 86_400, 951_782_399L, 1_782_863_999L, -1, -86_401};
        for (long s : seconds) {
            b.timestamp(s).endRow();
            expected.append(Instant.ofEpochSecond(s)).append('\n');
        }
        assertThat(text(b)).isEqualTo(expected.toString());
    }

    @Test
    void drainsToAStreamAndKeepsCountingRows() throws IOException {
        CsvBuffer b = new CsvBuffer(4);
        b.header("a", "b");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.drainTo(out);
        b.number(1).number(2).endRow();
        b.drainTo(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
        assertThat(b.size()).isZero();
        assertThat(b.rows()).isEqualTo(2);
    }
}
