package org.icpengine.core.config;

import java.util.List;

/**
 * Upper bounds of the size bands: {@code [10, 50, 200]} gives "1-10", "11-50", "51-200", "201+".
 *
 * @param employees     band bounds for {@code employees}
 * @param annualRevenue band bounds for {@code annual_revenue}
 */
public record Bands(List<Double> employees, List<Double> annualRevenue) {
    public static final Bands DEFAULT = new Bands(List.of(10.0, 50.0, 200.0, 1000.0, 5000.0),
            List.of(1_000_000.0, 10_000_000.0, 100_000_000.0));

    public Bands {
        employees = List.copyOf(employees);
        annualRevenue = List.copyOf(annualRevenue);
    }
}
