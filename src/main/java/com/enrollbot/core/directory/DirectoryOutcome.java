package com.enrollbot.core.directory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What an admin's action on a directory came to. */
public sealed interface DirectoryOutcome {

    /** Stored (or, for a retried registration, found stored already). */
    record Saved(Directory directory) implements DirectoryOutcome {
    }

    /**
     * Stored, but the connection check outlived the answer budget: {@code checked} completes with the directory
     * as the check left it (or empty if the directory changed meanwhile).
     */
    record Checking(Directory directory, CompletableFuture<Optional<Directory>> checked) implements DirectoryOutcome {
    }

    /** Messages to show next to the fields; nothing was stored. */
    record Invalid(Map<DirectoryField, String> errors) implements DirectoryOutcome {
        public Invalid {
            errors = Map.copyOf(errors);
        }
    }

    /** The connection check failed and the admin did not ask to save anyway; nothing was stored. */
    record CheckFailed(DirectoryFault fault, String advice) implements DirectoryOutcome {
        public CheckFailed {
            Objects.requireNonNull(advice, "advice");
        }
    }

    /** Someone changed the directory after the admin's card was made; nothing was stored. */
    record Conflict(Directory current) implements DirectoryOutcome {
    }

    /** No such directory in the caller's organization. */
    record NotFound() implements DirectoryOutcome {
    }

    record Deleted(Directory directory) implements DirectoryOutcome {
    }
}
