-- Conversation and user state of the bot (botbuilder Storage). etag gives optimistic concurrency:
-- a write carries the etag it read, and a write whose etag is stale changes nothing.
CREATE TABLE bot_state (
    state_key   TEXT        PRIMARY KEY,
    etag        BIGINT      NOT NULL,
    document    JSONB       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Roles granted from Teams. Bootstrap admins come from configuration and have no row here.
-- org_id is the Teams tenant (conversation.tenantId) of the organization; object ids are Entra object ids.
CREATE TABLE role_grants (
    org_id      TEXT        NOT NULL,
    object_id   TEXT        NOT NULL,
    role        TEXT        NOT NULL CHECK (role IN ('admin', 'helpdesk')),
    display     TEXT,
    granted_by  TEXT        NOT NULL,
    granted_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, object_id, role)
);

-- Append-only audit trail: the application only ever inserts here.
CREATE TABLE audit_log (
    id          BIGSERIAL   PRIMARY KEY,
    org_id      TEXT        NOT NULL,
    actor_id    TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    subject     TEXT,
    outcome     TEXT        NOT NULL,
    detail      TEXT,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_org_at ON audit_log (org_id, at DESC);

-- Global, so that a key deleted and written again never reuses an etag an old reader may still hold.
CREATE SEQUENCE bot_state_etag;
