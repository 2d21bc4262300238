-- Entra ID directories registered by an organization's admins. org_id is the Teams tenant of the organization.
-- An Entra tenant can be registered once, by one organization.
CREATE TABLE directories (
    id                 UUID        PRIMARY KEY,
    org_id             TEXT        NOT NULL,
    display_name       TEXT        NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 64),
    tenant_id          TEXT        NOT NULL UNIQUE,
    client_id          TEXT        NOT NULL,
    -- AES-GCM: nonce || ciphertext || tag, under the key named by secret_key_id (so keys can be rotated).
    secret_ciphertext  BYTEA       NOT NULL,
    secret_key_id      TEXT        NOT NULL,
    secret_expires_on  DATE,
    enabled            BOOLEAN     NOT NULL DEFAULT TRUE,
    status             TEXT        NOT NULL DEFAULT 'unchecked' CHECK (status IN ('unchecked', 'connected', 'failing')),
    status_reason      TEXT,
    last_checked_at    TIMESTAMPTZ,
    -- Optimistic concurrency: every change bumps it, and a change made from a stale card is refused.
    version            BIGINT      NOT NULL DEFAULT 1,
    -- Idempotency of registration: Teams retries an invoke, people double-click.
    request_key        TEXT        UNIQUE,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX directories_org ON directories (org_id);

-- Per-organization choices admins make in Teams.
CREATE TABLE organization_settings (
    org_id        TEXT        PRIMARY KEY,
    allow_guests  BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_by    TEXT,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
