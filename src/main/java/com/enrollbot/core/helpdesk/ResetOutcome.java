package com.enrollbot.core.helpdesk;

import java.util.Objects;

/** Every way resetting an enrollment can end. */
public sealed interface ResetOutcome {

    /** Revoked now. {@code told} is true when the person has a chat with the bot and is being told there. */
    record Reset(PersonStatus person, boolean told) implements ResetOutcome { }

    /** This enrollment was reset already (a retried request, or a colleague was faster). */
    record AlreadyReset(PersonStatus person) implements ResetOutcome { }

    /** The enrollment changed since the card was shown (enrolled again, or disabled): nothing was written. */
    record Changed(PersonStatus person) implements ResetOutcome { }

    /** The reason is missing or unusable; nothing was written. */
    record ReasonRefused(String problem) implements ResetOutcome {
        public ReasonRefused {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** No such enrollment in the caller's organization (refused and audited). */
    record NotInOrganization() implements ResetOutcome { }
}
