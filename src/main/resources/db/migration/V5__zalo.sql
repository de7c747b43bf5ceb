-- Zalo OA tokens. The refresh token is single-use and rotates: each new one is stored here before the new access
-- token is used, so a restart never loses the OA. One row. Portable SQL (H2 2.x and PostgreSQL 12+).
CREATE TABLE zalo_tokens (
    id                INTEGER      PRIMARY KEY,
    refresh_token     VARCHAR(2000) NOT NULL,
    access_token      VARCHAR(2000),
    access_expires_at TIMESTAMP WITH TIME ZONE,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
