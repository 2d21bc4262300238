-- Enrollments: one row per person per directory. "Not enrolled" is the absence of a row, as in the console.
-- The row keeps a snapshot of the profile the person enrolled with.
CREATE TABLE enrollments (
    id            UUID        PRIMARY KEY,
    org_id        TEXT        NOT NULL,
    directory_id  UUID        NOT NULL REFERENCES directories (id) ON DELETE CASCADE,
    object_id     TEXT        NOT NULL,
    upn           TEXT,
    display_name  TEXT,
    mail          TEXT,
    mobile_e164   TEXT        NOT NULL,
    state         TEXT        NOT NULL CHECK (state IN ('enrolled', 'revoked', 'disabled')),
    state_reason  TEXT,
    enrolled_at   TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (directory_id, object_id)
);
CREATE INDEX enrollments_org_state ON enrollments (org_id, state);
CREATE INDEX enrollments_org_updated ON enrollments (org_id, updated_at DESC);

-- Every change of an enrollment: who, when, why. Append-only.
CREATE TABLE enrollment_events (
    id             BIGSERIAL   PRIMARY KEY,
    enrollment_id  UUID        NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
    org_id         TEXT        NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('enrolled', 'revoked', 'disabled')),
    actor_id       TEXT        NOT NULL,
    reason         TEXT,
    at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX enrollment_events_org_at ON enrollment_events (org_id, at DESC);
