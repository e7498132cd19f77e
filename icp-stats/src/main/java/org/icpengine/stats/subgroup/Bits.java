package org.icpengine.stats.subgroup;

import java.util.Arrays;

/** Bitset helpers over {@code long[]} words, row i at bit {@code i & 63} of word {@code i >>> 6}. */
final class Bits {

    private Bits() {
    }

    static int words(int rows) {
        return (rows + 63) >>> 6;
    }

    static long[] all(int rows) {
        long[] bits = new long[words(rows)];
        Arrays.fill(bits, -1L);
        int tail = rows & 63;
        if (tail != 0) {
            bits[bits.length - 1] = (1L << tail) - 1;
        }
        return bits;
    }

    static int count(long[] bits) {
        int c = 0;
        for (long w : bits) {
            c += Long.bitCount(w);
        }
        return c;
    }

    /** out = a AND b; returns the number of set bits. */
    static int and(long[] a, long[] b, long[] out) {
        int c = 0;
        for (int i = 0; i < out.length; i++) {
            long w = a[i] & b[i];
            out[i] = w;
            c += Long.bitCount(w);
        }
        return c;
    }

    static int countAnd(long[] a, long[] b) {
        int c = 0;
        for (int i = 0; i < a.length; i++) {
            c += Long.bitCount(a[i] & b[i]);
        }
        return c;
    }

    /** The sum of {@code values[i]} over the set bits. */
    static double sum(long[] bits, double[] values) {
        double s = 0;
        for (int w = 0; w < bits.length; w++) {
            long x = bits[w];
            int base = w << 6;
            while (x != 0) {
                s += values[base + Long.numberOfTrailingZeros(x)];
                x &= x - 1;
            }
        }
        return s;
    }
}
