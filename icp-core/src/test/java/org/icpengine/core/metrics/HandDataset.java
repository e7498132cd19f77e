package org.icpengine.core.metrics;

/**
 * A dozen hand-made accounts covering every source table, as CSV files and an {@code icp.yaml}, whose metrics
 * as of T = 2026-06-30 are worked out by hand in {@link AccountMetricsHandIT}. {@link #later} adds rows dated
 * after T and changes existing rows in ways only visible after T, for {@link PointInTimeIT}.
 *
 * <p>Dates to keep in mind: T − 12 months = 2025-06-30; the usage window W is 2026-04-02..2026-06-30; the 12
 * trend weeks start on Wednesdays 2026-04-08 (week 1), 04-15, 04-22 (week 3), …, 05-27 (week 8), 06-03, 06-10
 * (week 10), 06-17, 06-24 (week 12, ending on T).
 */
final class HandDataset {

    private HandDataset() {
    }

    static final String YAML = """
            currency: USD
            sources:
              accounts:
                path: data/accounts.csv
                attributes:
                  tier: { column: tier, type: category }
              opportunities: { path: data/opportunities.csv }
              subscriptions: { path: data/subscriptions.csv }
              usage_events: { path: "data/usage_events*.csv" }
              nps_responses: { path: "data/nps*.csv" }
              support_tickets: { path: data/tickets.csv }
              spend: { path: data/spend.csv }
              research_notes: { path: "data/notes*.csv" }
            use_cases:
              reporting:  { events: ["report_*"], high_value: false }
              automation: { events: ["workflow_*", "api_call"], high_value: true }
              odd:        { events: ["50%_done"], high_value: false }
            bands:
              employees: [10, 50, 200]
              annual_revenue: [1000000, 10000000]
            tech_stack_flags: [salesforce, snowflake]
            economics: { gross_margin: 0.8, annual_discount_rate: 0.10, cac_window_months: 3 }
            ltv: { segment_by: [industry], min_customers: 50 }
            """;

    static final String ACCOUNTS = """
            account_id,name,domain,industry,employees,annual_revenue,country,region,tech_stack,created_at,acquisition_channel,tier
            a01,Acme,acme.io,SaaS,120,5000000,US,NA,Salesforce;HubSpot,2024-01-15,paid_search,gold
            a02,Beta,,Fintech,40,1200000.50,DE,EMEA,snowflake,2024-06-01,outbound,silver
            a03,Gamma,,Healthcare,800,90000000,FR,EMEA,,2025-01-01,partner,
            a04,Delta,,SaaS,10,500000,US,NA,snowflake;dbt,2025-09-01,Paid_Search,bronze
            a05,Epsilon,,Fintech,,,UK,EMEA,,2025-03-01,,gold
            a06,Zeta,,Retail,30,1000000,US,NA,salesforce,2025-10-01,events,
            a07,Eta,,SaaS,2000,,US,NA,SNOWFLAKE,2026-05-01,organic,
            a08,Theta,,Retail,60,,CA,NA,,2026-05-15,outbound,
            a09,Iota,,Healthcare,15,800000,US,NA,,2026-04-01,events,
            a10,Kappa,,Fintech,250,30000000,DE,EMEA,,2024-03-01,outbound,
            a11,Lambda,,SaaS,10,,US,NA,,2026-08-01,organic,
            a12,Mu,,SaaS,,,,,,,,
            """;

    static final String OPPORTUNITIES = """
            opportunity_id,account_id,type,stage,amount,created_at,closed_at,product
            o01,a01,new_business,won,12000,2024-02-01,2024-03-01,core
            o02,a01,expansion,won,2400,2025-08-01,2025-09-01,addon
            o03,a02,new_business,won,6000,2024-06-10,2024-07-01,core
            o04,a02,new_business,lost,5000,2024-01-05,2024-02-05,core
            o05,a04,new_business,won,3000,2025-09-15,2025-10-15,core
            o06,a05,new_business,won,9000,2025-03-01,2025-04-20,core
            o07,a05,new_business,won,1000,2025-05-01,2025-06-10,core
            o08,a06,new_business,lost,4000,2025-11-01,2025-12-15,core
            o09,a06,new_business,open,7000,2026-05-01,,core
            o10,a08,new_business,won,8000,2026-06-01,2026-07-15,core
            o11,a09,new_business,won,1800,2026-05-01,2026-06-30,core
            o12,a10,new_business,won,2400,2024-03-01,2024-04-20,core
            """;

    static final String SUBSCRIPTIONS = """
            subscription_id,account_id,product,is_addon,start_date,end_date,mrr
            s01,a01,core,false,2024-03-01,,1000
            s02,a01,addon,true,2025-09-01,,200
            s03,a01,addon,true,2024-06-01,2025-01-01,50
            s04,a02,core,false,2024-07-01,2025-12-31,500
            s05,a03,core,false,2025-01-10,2025-05-10,300
            s06,a03,core,false,2025-08-01,,400
            s07,a04,core,false,2025-10-15,,250
            s08,a05,core,false,2025-05-01,2026-09-30,700
            s09,a09,core,false,2026-06-30,,150
            s10,a10,core,false,2024-05-01,2025-03-01,200
            s11,a08,core,false,2026-07-15,,600
            """;

    static final String USAGE = """
            account_id,user_id,occurred_at,event,quantity
            a01,u1,2026-03-15T10:00:00Z,report_view,1
            a01,u1,2026-04-03T10:00:00Z,report_view,1
            a01,u1,2026-04-08T09:00:00Z,workflow_run,1
            a01,u2,2026-04-22T10:00:00Z,report_export,1
            a01,u2,2026-04-22T11:00:00Z,report_export,5
            a01,u1,2026-06-25T08:00:00Z,workflow_create,1
            a01,,2026-06-25T09:00:00Z,report_view,1
            a01,u3,2026-06-30T23:59:59Z,api_call,1
            a01,u4,2026-07-01T00:00:00Z,api_call,1
            a03,u7,2026-01-05T10:00:00Z,report_view,1
            a07,u9,2026-06-01T10:00:00Z,50%_done,1
            a07,u9,2026-06-01T11:00:00Z,50abcXdone,1
            a07,u9,2026-06-10T10:00:00Z,report_view,1
            a11,u5,2026-08-02T10:00:00Z,report_view,1
            """;

    static final String NPS = """
            account_id,respondent,responded_at,score,comment
            a01,r1,2026-01-10T10:00:00Z,6,meh
            a01,r2,2026-05-01T09:00:00Z,9,good
            a01,r1,2026-07-05T09:00:00Z,2,after T
            a02,r3,2025-06-01T09:00:00Z,3,
            a05,r4,2026-03-01T12:00:00Z,8,
            a05,r5,2026-03-01T12:00:00Z,10,
            """;

    static final String TICKETS = """
            ticket_id,account_id,opened_at,closed_at,priority,effort_minutes
            t01,a01,2025-06-15T10:00:00Z,,normal,45
            t02,a01,2025-08-01T10:00:00Z,,normal,30
            t03,a01,2026-02-01T10:00:00Z,,high,60
            t04,a01,2026-06-30T18:00:00Z,,low,
            t05,a01,2026-07-02T10:00:00Z,,low,90
            t06,a04,2025-11-01T10:00:00Z,,normal,20
            t07,a04,2026-03-01T10:00:00Z,,normal,40
            t08,a02,2025-09-01T10:00:00Z,,normal,10
            t09,a02,2026-01-15T10:00:00Z,,normal,25
            t10,a09,2026-06-30T08:00:00Z,,urgent,15
            t11,a06,2026-02-01T10:00:00Z,,low,5
            """;

    static final String NOTES = """
            account_id,noted_at,source,culture_fit,pain_points,notes
            a01,2025-05-01,interview,4,reporting-gaps;manual-work,
            a01,2026-02-01,cs,5,manual-work;data-silos,
            a01,2026-08-01,cs,1,churn-risk,after T
            a02,2024-10-01,interview,3,onboarding,
            a02,2025-03-01,cs,,,no rating
            a06,2025-12-20,win_loss,2,price,
            """;

    /** Spend: a few marketing campaigns and 600 of sales spend every month from 2024-01 to 2026-07. */
    static String spend() {
        StringBuilder b = new StringBuilder("month,channel,kind,amount\n");
        for (String m : new String[] {"2024-01", "2024-02", "2024-03"}) {
            b.append(m).append("-01,paid_search,marketing,3000\n");
        }
        for (String m : new String[] {"2024-05", "2024-06", "2024-07"}) {
            b.append(m).append("-01,outbound,marketing,1200\n");
        }
        for (String m : new String[] {"2024-11", "2024-12", "2025-01"}) {
            b.append(m).append("-01,partner,marketing,900\n");
        }
        b.append("2025-03-01,events,marketing,500\n");
        for (String m : new String[] {"2025-08", "2025-09", "2025-10"}) {
            b.append(m).append("-01,paid_search,marketing,1000\n");
        }
        for (int y = 2024; y <= 2026; y++) {
            for (int mo = 1; mo <= 12 && (y < 2026 || mo <= 7); mo++) {
                b.append(String.format("%d-%02d-01,sales,sales,600%n", y, mo));
            }
        }
        return b.toString();
    }

    /** Writes the workspace. */
    static MetricsWorkspace write(MetricsWorkspace ws) {
        return ws.yaml(YAML).file("data/accounts.csv", ACCOUNTS).file("data/opportunities.csv", OPPORTUNITIES)
                .file("data/subscriptions.csv", SUBSCRIPTIONS).file("data/usage_events.csv", USAGE)
                .file("data/nps.csv", NPS).file("data/tickets.csv", TICKETS).file("data/spend.csv", spend())
                .file("data/notes.csv", NOTES);
    }

    /**
     * Rows only visible after T: new events, answers, tickets, notes, spend and accounts; deals created or closed
     * after T (the open deal o09 is won on 2026-07-20); subscriptions that start after T, and end dates after T
     * set on running ones (s01 ends 2026-07-05, s06 2026-10-01).
     */
    static MetricsWorkspace later(MetricsWorkspace ws) {
        return ws.file("data/accounts.csv", ACCOUNTS + "a13,Nu,,SaaS,40,,US,NA,,2026-07-03,paid_search,gold\n")
                .file("data/opportunities.csv", OPPORTUNITIES.replace("o09,a06,new_business,open,7000,2026-05-01,,core",
                        "o09,a06,new_business,won,7000,2026-05-01,2026-07-20,core")
                        + "o13,a07,new_business,won,5000,2026-07-02,2026-08-01,core\n"
                        + "o14,a12,new_business,lost,1000,2026-07-10,2026-07-30,core\n"
                        + "o15,a13,new_business,won,900,2026-07-04,2026-07-05,core\n")
                .file("data/subscriptions.csv", SUBSCRIPTIONS
                        .replace("s01,a01,core,false,2024-03-01,,1000", "s01,a01,core,false,2024-03-01,2026-07-05,1000")
                        .replace("s06,a03,core,false,2025-08-01,,400", "s06,a03,core,false,2025-08-01,2026-10-01,400")
                        + "s12,a06,core,false,2026-07-20,,350\ns13,a13,core,false,2026-07-05,,90\n"
                        + "s14,a01,addon,true,2026-07-01,,75\n")
                .file("data/usage_events_later.csv", """
                        account_id,user_id,occurred_at,event,quantity
                        a01,u8,2026-07-01T00:00:01Z,workflow_run,1
                        a12,u1,2026-07-02T10:00:00Z,report_view,1
                        a13,u2,2026-07-06T10:00:00Z,api_call,1
                        """)
                .file("data/nps_later.csv", """
                        account_id,respondent,responded_at,score,comment
                        a05,r6,2026-07-01T00:00:00Z,0,
                        a03,r7,2026-08-01T10:00:00Z,10,
                        """)
                .file("data/tickets.csv", TICKETS + "t12,a03,2026-07-01T00:00:00Z,,high,600\nt13,a09,2026-07-15T00:00:00Z,,low,5\n")
                .file("data/spend.csv", spend() + "2026-07-01,events,marketing,99999\n2026-08-01,paid_search,marketing,5000\n")
                .file("data/notes_later.csv", """
                        account_id,noted_at,source,culture_fit,pain_points,notes
                        a02,2026-07-01,win_loss,1,new-pain,
                        a03,2026-09-01,interview,5,other,
                        """);
    }
}
