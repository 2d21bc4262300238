package com.enrollbot.core.helpdesk;

import java.util.List;
import java.util.Objects;

import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryFault;

/** Every way a helpdesk lookup can end; none of them is an error. */
public sealed interface PeopleLookup {

    /** Nothing to look for: the person gets the usage line. */
    record Usage() implements PeopleLookup { }

    /** Text no UPN, e-mail or name can hold; nothing was asked of any directory. */
    record Unsearchable(String reason) implements PeopleLookup {
        public Unsearchable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The organization has registered no directory. */
    record NoDirectory() implements PeopleLookup { }

    /**
     * At most {@link HelpdeskService#MAX_RESULTS} people; {@code more} when the directories hold more matches.
     * Directories that did not answer are in {@code unanswered}; their people appear only as far as stored
     * enrollments know them.
     */
    record Found(String query, List<PersonStatus> people, boolean more, List<Unanswered> unanswered)
            implements PeopleLookup {
        public Found {
            Objects.requireNonNull(query, "query");
            people = List.copyOf(people);
            unanswered = List.copyOf(unanswered);
        }
    }

    record Unanswered(Directory directory, DirectoryFault fault) {
        public Unanswered {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(fault, "fault");
        }
    }
}
