package org.icpengine.core.demo;

import java.time.LocalDate;
import java.util.Objects;
import org.icpengine.errors.InputException;

/**
 * The settings of a demo-data run: how many accounts, the random seed, and the {@code as_of} date
 * that every generated row is on or before.
 *
 * <p>The same settings always produce byte-identical files. Usage volume grows linearly with the
 * number of accounts (about 600 events per account).
 *
 * @param accounts number of accounts (prospects and customers), 1 to {@value #MAX_ACCOUNTS}
 * @param seed     random seed; any value
 * @param asOf     the workspace's {@code as_of} date; years 1900 to 9000
 */
public record DemoSettings(int accounts, long seed, LocalDate asOf) {

    /** The default number of accounts. */
    public static final int DEFAULT_ACCOUNTS = 5000;
    /** The default seed. */
    public static final long DEFAULT_SEED = 42L;
    /** The default {@code as_of} date. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 6, 30);
    /** The largest supported number of accounts (ids are zero-padded to seven digits). */
    public static final int MAX_ACCOUNTS = 9_999_999;

    /** Validates the settings; throws {@link InputException} naming the setting that is out of range. */
    public DemoSettings {
        if (accounts < 1 || accounts > MAX_ACCOUNTS) {
            throw new InputException("demo accounts must be between 1 and " + MAX_ACCOUNTS + ", got " + accounts);
        }
        Objects.requireNonNull(asOf, "asOf");
        if (asOf.getYear() < 1900 || asOf.getYear() > 9000) {
            throw new InputException("demo as_of must be a date between the years 1900 and 9000, got " + asOf);
        }
    }

    /** The defaults: 5000 accounts, seed 42, as_of 2026-06-30. */
    public static DemoSettings defaults() {
        return new DemoSettings(DEFAULT_ACCOUNTS, DEFAULT_SEED, DEFAULT_AS_OF);
    }

    /** These settings with another number of accounts. */
    public DemoSettings withAccounts(int newAccounts) {
        return new DemoSettings(newAccounts, seed, asOf);
    }

    /** These settings with another seed. */
    public DemoSettings withSeed(long newSeed) {
        return new DemoSettings(accounts, newSeed, asOf);
    }

    /** These settings with another {@code as_of} date. */
    public DemoSettings withAsOf(LocalDate newAsOf) {
        return new DemoSettings(accounts, seed, newAsOf);
    }
}
