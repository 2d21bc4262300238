package com.enrollbot.core.enrollment;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Port: the admins of an organization, as people to name and to message. */
public interface OrganizationAdmins {

    /** Display names of the organization's admins known to the bot, for "ask ..." sentences. */
    List<String> namesOf(String orgId);

    /** Sends the message to every admin the bot can reach; completes with how many it reached. */
    CompletableFuture<Integer> tell(String orgId, String message);
}
