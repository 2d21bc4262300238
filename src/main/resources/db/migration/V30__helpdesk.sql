-- Where the bot can tell an enrolled person that their enrollment was reset: the personal chat they last talked
-- to the bot in while enrolled (a botbuilder ConversationReference as JSON). Tied to the enrollment, so a person
-- who never enrolled still exists nowhere in the database; it goes with the enrollment (cascade) and is taken
-- (deleted) when the enrollment is reset.
CREATE TABLE enrollment_conversations (
    enrollment_id  UUID        PRIMARY KEY REFERENCES enrollments (id) ON DELETE CASCADE,
    reference      JSONB       NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The name of whoever made a change, as Teams showed it then, so the helpdesk's list of changes reads
-- "revoked by Hank Helpdesk" rather than an object id. Null for changes made before this column existed.
ALTER TABLE enrollment_events ADD COLUMN actor_name TEXT;

-- Keyset paging of an organization's changes: newest first, ties broken by id.
CREATE INDEX enrollment_events_org_at_id ON enrollment_events (org_id, at DESC, id DESC);

-- Exact UPN and mail matches against stored enrollments when a directory does not answer a lookup.
CREATE INDEX enrollments_org_upn ON enrollments (org_id, lower(upn));
CREATE INDEX enrollments_org_mail ON enrollments (org_id, lower(mail));
