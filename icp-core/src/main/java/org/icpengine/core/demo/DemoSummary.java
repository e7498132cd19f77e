package org.icpengine.core.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.icpengine.errors.InputException;

/**
 * What a demo-data run wrote: the workspace, its {@code icp.yaml} and {@code demo-truth.json}, one
 * {@link DemoTable} per canonical table (in the order of DESIGN.md), and headline counts.
 *
 * @param settings     the settings the data was generated with
 * @param workspaceDir the workspace directory (absolute)
 * @param configFile   the written {@code icp.yaml}
 * @param truthFile    the written {@code demo-truth.json}
 * @param tables       the eight data files, canonical order
 * @param customers    accounts that became customers (a won new-business deal and a subscription)
 * @param icpAccounts  accounts whose recorded firmographics match the planted profile
 * @param icpCustomers customers among {@code icpAccounts}
 * @param planted      the planted profile
 */
public record DemoSummary(DemoSettings settings, Path workspaceDir, Path configFile, Path truthFile,
                          List<DemoTable> tables, long customers, long icpAccounts, long icpCustomers,
                          PlantedIcp planted) {

    /** Validates and copies. */
    public DemoSummary {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(workspaceDir, "workspaceDir");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(truthFile, "truthFile");
        Objects.requireNonNull(planted, "planted");
        tables = List.copyOf(tables);
    }

    /** The file of a canonical table; throws {@link InputException} for an unknown table name. */
    public DemoTable table(String name) {
        for (DemoTable t : tables) {
            if (t.table().equals(name)) {
                return t;
            }
        }
        throw new InputException("no demo table named '" + name + "'; known: "
                + tables.stream().map(DemoTable::table).toList());
    }

    /** Data rows of a canonical table (see {@link #table(String)}). */
    public long rows(String name) {
        return table(name).rows();
    }

    /** Path of a canonical table's file (see {@link #table(String)}). */
    public Path path(String name) {
        return table(name).path();
    }

    /** Total bytes of the eight data files. */
    public long dataBytes() {
        return tables.stream().mapToLong(DemoTable::bytes).sum();
    }
}
