package org.icpengine.core.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * One generated account: its recorded firmographics, the latent traits that drive its outcomes,
 * and every row it contributes to the other tables.
 *
 * <p>Filled once by {@link AccountSimulator} on one thread; afterwards only read (the usage phase
 * reads it from worker threads, after a happens-before edge through the executor). Days are epoch
 * days, instants epoch seconds (UTC); {@code -1} means "none" (no churn, no close date, no value).
 */
final class Account {

    /** A deal. {@code amountCents < 0} is an empty amount; {@code closedDay < 0} means open. */
    record Opportunity(int type, int stage, long amountCents, int createdDay, int closedDay, String product) {
    }

    static final int NEW_BUSINESS = 0;
    static final int EXPANSION = 1;
    static final int RENEWAL = 2;
    static final int WON = 0;
    static final int LOST = 1;
    static final int OPEN = 2;

    /** A subscription row; {@code endDay < 0} means still active. */
    static final class Subscription {
        final String product;
        final boolean addon;
        final int startDay;
        int endDay = -1;
        final long mrrCents;

        Subscription(String product, boolean addon, int startDay, long mrrCents) {
            this.product = product;
            this.addon = addon;
            this.startDay = startDay;
            this.mrrCents = mrrCents;
        }

        boolean activeOn(int day) {
            return startDay <= day && (endDay < 0 || day < endDay);
        }
    }

    /** A support ticket; {@code closedAt < 0} means still open. */
    record Ticket(long openedAt, long closedAt, int priority, int effortMinutes) {
    }

    /** An NPS answer; {@code comment} may be null. */
    record NpsResponse(int user, long respondedAt, int score, String comment) {
    }

    static final int INTERVIEW = 0;
    static final int WIN_LOSS = 1;
    static final int CS = 2;

    /** A research note; {@code source} indexes {@link Catalog#NOTE_SOURCES}. */
    record Note(int day, int source, int cultureFit, int painMask, String text) {
    }

    /** An interval of product usage, [fromDay, toDay] inclusive. */
    record UsageSpell(int fromDay, int toDay, boolean trial) {
    }

    final int index;
    final String id;
    String name;
    String domain;

    // Recorded firmographics (what the CSV says). -1 = missing.
    int industry;
    String industryLabel;
    int employees = -1;
    long revenue = -1;
    int country;
    int region;
    int techMask;
    boolean techUnknown;
    int createdDay;
    int channel = -1;
    String channelLabel;
    int funding;

    // Latent traits.
    boolean icp;
    double fit;
    boolean lookalike;

    // Commercial life.
    boolean customer;
    int sinceDay = -1;
    int churnDay = -1;
    boolean annualContract;
    double churnProbability;
    long listMrrCents;
    final List<Opportunity> opportunities = new ArrayList<>(2);
    final List<Subscription> subscriptions = new ArrayList<>(2);
    final List<Ticket> tickets = new ArrayList<>(0);
    final List<NpsResponse> nps = new ArrayList<>(0);
    final List<Note> notes = new ArrayList<>(0);

    // Usage plan (read by UsageGenerator).
    final List<UsageSpell> spells = new ArrayList<>(1);
    int users;
    double usageLevel;
    double usageGrowth;
    double usageDepth;
    double[] userWeight = new double[0];
    int[] userJoinDay = new int[0];
    int[] useCaseAdoptedDay = new int[0];

    Account(int index, String id) {
        this.index = index;
        this.id = id;
    }

    /** MRR in cents on {@code day}: the sum over subscription rows active that day. */
    long mrrOn(int day) {
        long sum = 0;
        for (Subscription s : subscriptions) {
            if (s.activeOn(day)) {
                sum += s.mrrCents;
            }
        }
        return sum;
    }

    boolean has(int tech) {
        return (techMask & (1 << tech)) != 0;
    }

    int band() {
        return employees < 0 ? -1 : Catalog.band(employees);
    }
}
