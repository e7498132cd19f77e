package org.icpengine.core.metrics;

import java.util.ArrayList;
import java.util.List;

import org.icpengine.core.engine.Engine;

/**
 * Which source tables have rows, deciding which metrics can be computed: a metric whose table is absent or
 * empty is null (never 0), with one note per such table.
 *
 * @param usage         {@code usage_events}
 * @param opportunities {@code opportunities}
 * @param subscriptions {@code subscriptions}
 * @param nps           {@code nps_responses}
 * @param tickets       {@code support_tickets}
 * @param ticketEffort  some ticket has {@code effort_minutes}
 * @param spend         {@code spend}
 * @param research      {@code research_notes}
 */
record Inputs(boolean usage, boolean opportunities, boolean subscriptions, boolean nps, boolean tickets,
              boolean ticketEffort, boolean spend, boolean research) {

    /** Looks at the tables of the store behind {@code engine}. */
    static Inputs of(Engine engine) {
        boolean tickets = engine.hasRows("support_tickets");
        boolean effort = tickets && !engine.query(
                "SELECT 1 FROM support_tickets WHERE effort_minutes IS NOT NULL LIMIT 1").rows().isEmpty();
        return new Inputs(engine.hasRows("usage_events"), engine.hasRows("opportunities"),
                engine.hasRows("subscriptions"), engine.hasRows("nps_responses"), tickets, effort,
                engine.hasRows("spend"), engine.hasRows("research_notes"));
    }

    /** Whether customers can be told from prospects (a won deal or a subscription is known). */
    boolean customers() {
        return opportunities || subscriptions;
    }

    /** One note per missing or empty table, naming the metrics that are null because of it. */
    List<String> notes() {
        List<String> out = new ArrayList<>();
        if (!usage) {
            out.add("no usage_events: usage metrics (active_days_per_week, active_users, usage_trend, use_cases, "
                    + "high_value_use_cases, high_value_share) are null");
        }
        if (!opportunities) {
            out.add("no opportunities: conversion, won/lost opportunities, win_rate, aov and sales_cycle_days are null"
                    + (subscriptions ? "; customers are known from subscriptions only"
                    : "; with no subscriptions either, customers cannot be told from prospects, so is_customer, "
                    + "customer_since, tenure_months, cac and support load are null too"));
        }
        if (!subscriptions) {
            out.add("no subscriptions: mrr, churned_at, is_active, mrr_12m_ago, nrr_12m, retained_12m, "
                    + "expansion_mrr_12m, addon_purchases_12m, ltv, ltv_simple and ltv_cac are null");
        }
        if (!nps) {
            out.add("no nps_responses: nps is null");
        }
        if (!tickets) {
            out.add("no support_tickets: tickets_per_month and support_minutes_per_month are null");
        } else if (!ticketEffort) {
            out.add("no support_tickets.effort_minutes: support_minutes_per_month is null");
        }
        if (!spend) {
            out.add("no spend: cac and ltv_cac are null");
        }
        if (!research) {
            out.add("no research_notes: culture_fit and pain_points are null");
        }
        return out;
    }
}
