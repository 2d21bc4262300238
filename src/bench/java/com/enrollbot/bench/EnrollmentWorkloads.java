package com.enrollbot.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The enrollment rush: each interaction is a distinct employee's whole journey, as in Teams. They type
 * {@code enroll}; the bot reads their Graph profile and sends a confirmation card through the connector; they
 * press Enroll on that card (an {@code adaptiveCard/action} invoke carrying what the card showed); the bot
 * reads the profile again, stores the enrollment and answers with the receipt card that replaces it.
 */
final class EnrollmentWorkloads {

    static final String ENROLL = "enroll";
    static final String CONFIRM = "confirm";
    static final String STATUS = "status";
    /** See {@link #mix}. */
    static final double MIX_REQUESTS_PER_INTERACTION = 1.4;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TeamsTraffic traffic;
    private final CountingConnector connector;
    private final List<TeamsTraffic.Person> employees;
    private final AtomicInteger nextEmployee = new AtomicInteger();
    /** In the order they were told "You are enrolled". */
    private final List<TeamsTraffic.Person> enrolled = Collections.synchronizedList(new ArrayList<>());

    EnrollmentWorkloads(TeamsTraffic traffic, CountingConnector connector, List<TeamsTraffic.Person> employees) {
        this.traffic = traffic;
        this.connector = connector;
        this.employees = List.copyOf(employees);
    }

    /** One new employee per journey; null once every simulated employee has had their turn. */
    LoadGenerator.Workload journeys() {
        return () -> {
            int index = nextEmployee.getAndIncrement();
            return index < employees.size() ? journey(employees.get(index)) : null;
        };
    }

    /**
     * The day after the announcement: of every ten interactions four are enrollment journeys (two requests
     * each), two are enrolled employees typing {@code status}, two are helpdesk look-ups and two are
     * {@code ping}s; 1.4 requests per interaction. Status checks go round the enrolled employees, so nobody's
     * check crosses their own journey.
     */
    LoadGenerator.Workload mix(LoadGenerator.Workload lookups, LoadGenerator.Workload pings) {
        AtomicInteger turn = new AtomicInteger();
        AtomicInteger checked = new AtomicInteger();
        LoadGenerator.Workload journeys = journeys();
        return () -> {
            int slot = Math.floorMod(turn.getAndIncrement(), 10);
            if (slot < 4 || (slot < 6 && enrolled.isEmpty())) {
                return journeys.next();
            }
            if (slot < 6) {
                return statusCheck(enrolled.get(Math.floorMod(checked.getAndIncrement(), enrolled.size())));
            }
            return slot < 8 ? lookups.next() : pings.next();
        };
    }

    /** The object ids of the employees the bot told "You are enrolled". */
    Set<String> enrolled() {
        synchronized (enrolled) {
            return enrolled.stream().map(TeamsTraffic.Person::objectId).collect(Collectors.toUnmodifiableSet());
        }
    }

    private LoadGenerator.Interaction journey(TeamsTraffic.Person employee) {
        return (client, start) -> {
            client.post(ENROLL, traffic.message(employee, "enroll"), response -> response.status() / 100 == 2, start);
            String shown = shownOnConfirmationCard(connector.takeLastActivity(employee.conversationId()));
            if (shown == null) {
                client.recorder().failure(ENROLL, System.nanoTime() - start, "no confirmation card was sent");
                throw new LoadGenerator.RequestFailed(ENROLL);
            }
            long pressed = System.nanoTime();
            client.post(CONFIRM, traffic.execute(employee, "enroll.confirm", traffic.object().put("shown", shown)),
                    response -> response.status() == 200 && response.body().contains("You are enrolled"), pressed);
            enrolled.add(employee);
            client.recorder().journeyCompleted(System.nanoTime());
        };
    }

    private LoadGenerator.Interaction statusCheck(TeamsTraffic.Person employee) {
        byte[] activity = traffic.message(employee, "status");
        return (client, start) -> client.post(STATUS, activity, response -> response.status() / 100 == 2, start);
    }

    /** The {@code shown} value of the card's Enroll button, or null if the activity is not that card. */
    private static String shownOnConfirmationCard(byte[] activity) {
        if (activity == null) {
            return null;
        }
        try {
            for (JsonNode action : JSON.readTree(activity).path("attachments").path(0).path("content").path("actions")) {
                if ("enroll.confirm".equals(action.path("verb").asText())) {
                    return action.path("data").path("shown").asText(null);
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
