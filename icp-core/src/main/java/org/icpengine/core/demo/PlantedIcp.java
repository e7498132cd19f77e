package org.icpengine.core.demo;

import java.util.List;
import java.util.Objects;

/**
 * The ideal customer profile planted in the demo data: a conjunction of firmographic traits whose
 * customers, by construction, win more, retain and expand more, cost less to acquire, use the
 * product more and are happier. The engine never reads it; it is written to {@code demo-truth.json}
 * so tests and the demo summary can compare what was discovered with what was planted.
 *
 * @param industries    industries of the profile (any of them)
 * @param employeesMin  smallest employee count of the profile (inclusive)
 * @param employeesMax  largest employee count of the profile (inclusive)
 * @param employeesBand the band label of {@code [employeesMin, employeesMax]} under the default bands
 * @param tech          technologies every profile account uses (all of them)
 */
public record PlantedIcp(List<String> industries, int employeesMin, int employeesMax, String employeesBand,
                         List<String> tech) {

    /** The profile that {@link DemoGenerator} plants: Fintech or SaaS, 51–200 employees, uses Snowflake. */
    public static final PlantedIcp DEFAULT =
            new PlantedIcp(List.of("Fintech", "SaaS"), 51, 200, "51-200", List.of("snowflake"));

    /** Validates and copies the lists. */
    public PlantedIcp {
        industries = List.copyOf(industries);
        tech = List.copyOf(tech);
        Objects.requireNonNull(employeesBand, "employeesBand");
        if (industries.isEmpty() || employeesMin > employeesMax) {
            throw new IllegalArgumentException("a planted profile needs industries and employeesMin <= employeesMax");
        }
    }

    /**
     * Whether an account with these recorded firmographics is in the profile; a null industry or
     * employee count is never in it.
     */
    public boolean matches(String industry, Integer employees, List<String> techStack) {
        return industry != null && employees != null && industries.contains(industry)
                && employees >= employeesMin && employees <= employeesMax
                && techStack != null && techStack.containsAll(tech);
    }

    /** The profile in the expression language of {@code icp.yaml}, e.g. for {@code --where}. */
    public String expression() {
        StringBuilder sb = new StringBuilder("industry in (");
        for (int i = 0; i < industries.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('\'').append(industries.get(i)).append('\'');
        }
        sb.append(") and employees between ").append(employeesMin).append(" and ").append(employeesMax);
        for (String t : tech) {
            sb.append(" and '").append(t).append("' in tech_stack");
        }
        return sb.toString();
    }

    /** The profile in words, e.g. "Fintech or SaaS, 51-200 employees, uses snowflake". */
    public String describe() {
        return String.join(" or ", industries) + ", " + employeesBand + " employees, uses " + String.join(" and ", tech);
    }
}
