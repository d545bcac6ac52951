import type { Migration } from './types';

/**
 * The first schema. Statements are listed one by one (not one script) because PGlite's query()
 * takes a single statement and function bodies contain semicolons.
 * Once released, never edit this file: its checksum is recorded; add 002_… instead.
 */
export const migration001: Migration = {
  version: 1,
  name: 'init',
  statements: [
    // --- people ---------------------------------------------------------------------------------
    `create table users (
      id text primary key,
      username text not null unique,
      password_hash text not null,
      role text not null check (role in ('reviewer', 'supervisor', 'partner', 'customer', 'admin')),
      -- A partner acts for exactly one Partner ID, a customer for exactly one tenant; nobody else has one.
      partner_id text check ((role = 'partner') = (partner_id is not null)),
      tenant_id text check ((role = 'customer') = (tenant_id is not null)),
      display_name text not null,
      created_at timestamptz not null default now()
    )`,
    // "Alice" and "alice" must not be two accounts.
    `create unique index users_username_lower_idx on users (lower(username))`,

    `create table sessions (
      -- sha256 of the bearer token: a leaked table does not leak usable tokens.
      token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
      user_id text not null references users (id) on delete cascade,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      check (expires_at > created_at)
    )`,
    `create index sessions_user_idx on sessions (user_id)`,

    // --- claims and their history ---------------------------------------------------------------
    // One sequence orders events AND mutation outcomes, so one pull cursor covers both.
    `create sequence sync_seq as bigint`,

    `create table claims (
      id text primary key,
      partner_id text not null,
      tenant_id text not null,
      status text not null check (status in ('draft', 'submitted', 'in_review', 'partner_action_needed',
        'approved', 'sent_for_evaluation', 'rejected', 'disputed')),
      assignee text,
      -- Number of events folded into snapshot; equals the seq of the claim's latest event.
      version integer not null check (version >= 1),
      snapshot jsonb not null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      -- sync_seq of the latest event: pull = claims whose last_global_seq > cursor.
      last_global_seq bigint not null
    )`,
    `create index claims_last_global_seq_idx on claims (last_global_seq)`,
    `create index claims_status_updated_idx on claims (status, updated_at)`,
    `create index claims_assignee_idx on claims (assignee) where assignee is not null`,
    `create index claims_partner_idx on claims (partner_id)`,
    `create index claims_tenant_idx on claims (tenant_id)`,
    // Cross-claim checks (SPEC §5a): claims citing the same PoE file, claims on the same product:
    //   snapshot->'documents' @> '[{"sha256":"…"}]',  snapshot->'products' @> '[{"productId":"…"}]'
    `create index claims_documents_idx on claims using gin ((snapshot -> 'documents') jsonb_path_ops)`,
    `create index claims_products_idx on claims using gin ((snapshot -> 'products') jsonb_path_ops)`,

    `create table events (
      global_seq bigint primary key default nextval('sync_seq'),
      -- Deferred so a claim and its first event can be inserted in either order in one transaction.
      claim_id text not null references claims (id) deferrable initially deferred,
      seq integer not null check (seq >= 1),
      type text not null,
      at timestamptz not null,
      actor_id text not null,
      actor_role text not null check (actor_role in ('partner', 'reviewer', 'supervisor', 'customer', 'system')),
      payload jsonb not null,
      -- Two writers deciding on the same claim version cannot both append: the loser gets 23505.
      unique (claim_id, seq)
    )`,
    // History is immutable (SPEC §7); corrections are new events.
    `create function events_are_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'events are append-only: % refused', tg_op using errcode = '55000';
    end
    $$`,
    `create trigger events_append_only before update or delete on events
      for each statement execute function events_are_append_only()`,

    // --- sync bookkeeping -----------------------------------------------------------------------
    `create table clients (
      client_id text primary key,
      user_id text not null references users (id),
      last_mutation_id bigint not null default 0 check (last_mutation_id >= 0),
      created_at timestamptz not null default now()
    )`,
    `create index clients_user_idx on clients (user_id)`,
    // Protocol invariants the database itself guarantees, whatever the code above it does.
    `create function clients_guard() returns trigger language plpgsql as $$
    begin
      if new.last_mutation_id < old.last_mutation_id then
        raise exception 'last_mutation_id of client % may not decrease (% to %)',
          old.client_id, old.last_mutation_id, new.last_mutation_id using errcode = '23514';
      end if;
      if new.user_id <> old.user_id then
        raise exception 'client % belongs to user %', old.client_id, old.user_id using errcode = '23514';
      end if;
      return new;
    end
    $$`,
    `create trigger clients_guard before update on clients for each row execute function clients_guard()`,

    `create table mutation_outcomes (
      client_id text not null references clients (client_id),
      mutation_id bigint not null check (mutation_id >= 1),
      global_seq bigint not null unique default nextval('sync_seq'),
      name text not null,
      status text not null check (status in ('applied', 'refused')),
      code text,
      message text,
      claim_id text,
      recorded_at timestamptz not null default now(),
      primary key (client_id, mutation_id),
      check ((status = 'refused') = (code is not null))
    )`,
    `create index mutation_outcomes_client_seq_idx on mutation_outcomes (client_id, global_seq)`,

    // --- documents and settings -----------------------------------------------------------------
    `create table documents (
      sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
      media_type text not null check (media_type in ('application/pdf', 'image/png', 'image/jpeg')),
      size bigint not null check (size > 0),
      pages integer not null check (pages >= 1),
      file_name text not null,
      uploaded_by text not null,
      uploaded_at timestamptz not null
    )`,

    // Deployment settings edited at run time: the SLA calendar, policy thresholds.
    `create table settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    )`,
  ],
};
