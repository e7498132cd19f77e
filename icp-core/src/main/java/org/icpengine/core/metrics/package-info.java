/**
 * Account metrics of DESIGN.md "Metrics", computed point in time in SQL and stored in {@code account_metrics}.
 * Start with {@link org.icpengine.core.metrics.AccountMetrics}; {@link org.icpengine.core.metrics.MetricCatalog}
 * names the columns and {@link org.icpengine.core.metrics.SegmentRetention} holds the per-segment retention models
 * behind LTV, for reuse by segments.
 *
 * <h2>Definitions, as of a date T</h2>
 * Only rows dated on or before T count: events, NPS answers and tickets by their timestamp (before T + 1 day,
 * UTC), deals by {@code created_at}, subscriptions by {@code start_date}, spend by {@code month}, notes by
 * {@code noted_at}; accounts created after T have no row. A deal counts as won or lost only if
 * {@code closed_at <= T} (until then it was open), and a subscription {@code end_date} after T reads as open.
 * Where DESIGN.md leaves a choice open, this is what the code does:
 * <ul>
 *   <li><b>Usage</b>, over W = 90 days (T − 90, T]: an event is a row (its {@code quantity} is not summed);
 *       {@code active_users} counts non-null user ids. The trend's 12 full weeks are the 7-day blocks ending on T
 *       (not calendar weeks), so the newest week is complete. Use-case globs match event names case-sensitively;
 *       an event of several use cases counts for each, and is high-value if any of them is.</li>
 *   <li><b>Subscriptions</b>: {@code end_date} is the first day a row no longer counts (as the demo writes it):
 *       a row is active on day x iff {@code start_date <= x < end_date}. MRR on a day is the sum over active rows.
 *       A customer is active when its MRR on T is above 0; {@code churned_at} is then null, otherwise the last
 *       {@code end_date} of a paying row (the day MRR fell to 0 and stayed there; a re-activated customer has none;
 *       a won customer that never paid has none and is not active).</li>
 *   <li><b>Tenure</b>: complete calendar months from {@code customer_since} to {@code churned_at} (or T), plus the
 *       days left over / 30.4375, so a customer of exactly one year has 12.0. "12 months after" is calendar month
 *       arithmetic that clips to month ends (2024-02-29 + 12 months = 2025-02-28).</li>
 *   <li><b>12-month metrics</b> ({@code mrr_12m_ago}, {@code nrr_12m}, {@code expansion_mrr_12m},
 *       {@code addon_purchases_12m}) are null for customers acquired after T − 12 months; {@code nrr_12m} also
 *       needs MRR above 0 at T − 12 months; {@code retained_12m} is null until {@code customer_since} + 12 months
 *       has come, then whether MRR was above 0 that day. Add-ons are rows with {@code is_addon} starting in
 *       (T − 12 months, T].</li>
 *   <li><b>Deals</b>: won, lost, win rate, AOV and cycle time use closed {@code new_business} deals only (AOV and
 *       the median cycle over won ones). {@code conversion} is true for an account with any deal created by T or
 *       that is a customer.</li>
 *   <li><b>CAC</b>: months of {@code customer_since} and of spend are calendar months; channels match after trimming,
 *       case-insensitively; an empty channel is no channel. The spend of kind {@code sales} (any channel) is shared
 *       by all customers acquired in the window; a customer without channel gets all spend of the window over all
 *       its customers. CAC is null when no spend row at all falls in the customer's window (the spend data does not
 *       cover it), and when there is no spend table (with a note).</li>
 *   <li><b>LTV</b>: customers who are active or churned are fitted per {@code ltv.segment_by} segment with monthly
 *       periods and censoring ({@link org.icpengine.core.metrics.SegmentRetention}); segments below
 *       {@code ltv.min_customers}, or whose own data cannot identify the sBG model, use the whole base's model; when
 *       even the base cannot, its constant churn rate (churned / customer-months) stands in, with a note. An active
 *       customer's {@code ltv} = gross margin × MRR on T × the discounted expected residual lifetime after its
 *       complete months of renewals (Fader &amp; Hardie 2010, next payment undiscounted, monthly rate
 *       (1 + annual)^(1/12) − 1); a churned customer's is the realized gross margin, Σ margin × MRR × days / 30.4375
 *       over its subscriptions; a customer with no MRR on T and no churn has 0. {@code ltv_simple} = gross margin ×
 *       ARPA / monthly churn, both from the population the segment's model comes from (ARPA = mean MRR on T of its
 *       active customers; churn = churned / customer-months), the same for every customer of the segment.
 *       {@code ltv_cac} is null when CAC is 0 or null.</li>
 *   <li><b>Customer success</b>: {@code nps} is the latest answer (ties: the lowest score); {@code culture_fit} the
 *       latest rating of a note that has one (ties: the lowest); {@code pain_points} the sorted union of the tags of
 *       every note up to T (empty when notes have none, null without notes). Support load counts tickets opened
 *       while a customer within the 12 months (from the later of {@code customer_since} and T − 12 months + 1 day,
 *       to {@code churned_at} or T), per month of that time (12 × days / days in the 12 months, at least 1);
 *       missing {@code effort_minutes} count as 0, and if no ticket has one, support minutes are null with a note.
 *       Non-customers have no support load.</li>
 *   <li><b>Firmographics</b> are the accounts' current values (the store keeps no history of them). Bands "1-10",
 *       "11-50", …, "5001+" from {@code bands}; a value falls in the first band whose bound it does not exceed.
 *       {@code has_<tech>} matches {@code tech_stack} case-insensitively and is null when the tech stack is
 *       unknown. Custom attributes are copied.</li>
 * </ul>
 */
package org.icpengine.core.metrics;
