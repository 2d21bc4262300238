package com.enrollbot.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Helpdesk staff looking people up all day: {@code status <name prefix>}, which the bot answers by searching
 * Graph ({@code startswith(displayName, …)}) and sending a card of at most ten people with their enrollment.
 * The staff are bootstrap admins of the benchmark's organization (an admin may do what the helpdesk does).
 */
final class HelpdeskWorkloads {

    static final String LOOKUP = "lookup";
    /** Look-ups of other people's status go round this many staff, so two rarely share a conversation. */
    static final int STAFF = 64;

    private final TeamsTraffic traffic;
    private final List<TeamsTraffic.Person> staff;
    private final int employees;
    private final AtomicLong lookups = new AtomicLong();

    HelpdeskWorkloads(TeamsTraffic traffic, List<TeamsTraffic.Person> staff, int employees) {
        this.traffic = traffic;
        this.staff = List.copyOf(staff);
        this.employees = employees;
    }

    /** Prefixes such as "Bench Person 4711": one to a few hundred people match, as with a half-typed name. */
    LoadGenerator.Workload lookups() {
        return () -> {
            long n = lookups.getAndIncrement();
            TeamsTraffic.Person agent = staff.get((int) Math.floorMod(n, (long) staff.size()));
            long someone = 1 + Math.floorMod(n * 7919, (long) Math.max(1, employees - 1));
            byte[] activity = traffic.message(agent, "status Bench Person " + someone);
            return (client, start) -> client.post(LOOKUP, activity, response -> response.status() / 100 == 2, start);
        };
    }
}
