-- Where the bot can reach an organization's admins with a proactive message: the personal chat each admin
-- last talked to the bot in (a botbuilder ConversationReference as JSON). Only admins are kept here, so a
-- person who never enrolled still exists nowhere in the database.
CREATE TABLE admin_conversations (
    org_id        TEXT        NOT NULL,
    object_id     TEXT        NOT NULL,
    display_name  TEXT,
    reference     JSONB       NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, object_id)
);

-- Notices sent to an organization's admins ("no directory connected", "the directory's secret expired"), so
-- that each reaches them once per quiet period however many employees run into the problem.
CREATE TABLE admin_notices (
    org_id       TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    notified_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, topic)
);
