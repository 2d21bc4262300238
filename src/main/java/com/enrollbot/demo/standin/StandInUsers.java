package com.enrollbot.demo.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The users one stand-in Graph serves, changeable while it serves them (an IT admin fixing a profile). Kept in
 * the order they were added, which is the order Graph lists them in. Thread-safe: every method is one atomic
 * step, and readers get snapshots.
 */
public final class StandInUsers {

    private final Map<String, DirectoryUser> byId = new LinkedHashMap<>();

    public StandInUsers(List<DirectoryUser> users) {
        users.forEach(this::put);
    }

    public synchronized List<DirectoryUser> all() {
        return List.copyOf(byId.values());
    }

    public synchronized Optional<DirectoryUser> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Adds the user, or replaces the user with the same id in place. */
    public synchronized void put(DirectoryUser user) {
        byId.put(Objects.requireNonNull(user, "user").id(), user);
    }

    public synchronized void remove(String id) {
        byId.remove(id);
    }

    /** Replaces the user with the id by what {@code change} makes of it; empty when there is no such user. */
    public synchronized Optional<DirectoryUser> update(String id, UnaryOperator<DirectoryUser> change) {
        DirectoryUser user = byId.get(id);
        if (user == null) {
            return Optional.empty();
        }
        DirectoryUser changed = change.apply(user);
        if (!changed.id().equals(id)) {
            throw new IllegalArgumentException("A user's id cannot change: " + id + " → " + changed.id());
        }
        byId.put(id, changed);
        return Optional.of(changed);
    }
}
