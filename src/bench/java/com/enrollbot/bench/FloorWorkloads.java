package com.enrollbot.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor: the bot's {@code ping}, a turn that does no work, so every other figure can be read as a ratio to
 * what the HTTP path, the bot SDK and the reply to the connector cost alone.
 */
final class FloorWorkloads {

    static final String MESSAGE = "message";
    static final String INVOKE = "invoke";

    private final TeamsTraffic traffic;
    private final List<TeamsTraffic.Person> people;
    private final AtomicLong turns = new AtomicLong();

    FloorWorkloads(TeamsTraffic traffic, List<TeamsTraffic.Person> people) {
        this.traffic = traffic;
        this.people = List.copyOf(people);
    }

    /** A typed {@code ping}: the bot replies "pong" through the connector inside the turn. */
    LoadGenerator.Workload messages() {
        return () -> message(nextPerson());
    }

    /** A clicked {@code ping} button (Action.Execute): the bot answers "pong" in the HTTP response. */
    LoadGenerator.Workload invokes() {
        return () -> invoke(nextPerson());
    }

    /** Both, alternately: what the warm-up uses, so both paths get compiled. */
    LoadGenerator.Workload both() {
        return () -> turns.get() % 2 == 0 ? message(nextPerson()) : invoke(nextPerson());
    }

    private TeamsTraffic.Person nextPerson() {
        return people.get((int) Math.floorMod(turns.getAndIncrement(), (long) people.size()));
    }

    private LoadGenerator.Interaction message(TeamsTraffic.Person person) {
        byte[] activity = traffic.message(person, "ping");
        return (client, start) -> client.post(MESSAGE, activity, response -> response.status() / 100 == 2, start);
    }

    private LoadGenerator.Interaction invoke(TeamsTraffic.Person person) {
        byte[] activity = traffic.execute(person, "ping", traffic.object());
        return (client, start) -> client.post(INVOKE, activity,
                response -> response.status() == 200 && response.body().contains("\"pong\""), start);
    }
}
