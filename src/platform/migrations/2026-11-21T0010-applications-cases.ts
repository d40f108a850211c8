import { sql, type Kysely } from 'kysely'

/**
 * Applications and cases (issue 4). GB/T 39046 表5–表8 (standards.md §C.2):
 *  - applications (applications module): what a person fills and submits, pinned to the item version and form
 *    version it was started on; `values` is the form data, `prefill` the provenance of locked fields. The
 *    办件编号 (ref_no) and a hashed query code are set at submission. (owner, idempotency_key) is unique so a
 *    double-click, retry or replay of a submission never creates a second one.
 *  - application_materials: per material (表5 材料), how it is satisfied — upload, shared-data read (免提交,
 *    logged in data_access_log) or e-licence (the licence issue fills that seam) — and when it was received.
 *  - bundle_applications: one merged 一件事 submission that fans out into one application per item.
 *  - cases (cases module): one per submitted application; status and clocks are kept in sync inside each
 *    transition's transaction, `version` guards concurrent transitions.
 *  - case_steps: step instances from the item's step graph (表7); a step sent back is re-run as a new row
 *    (round + 1), so history is never overwritten.
 *  - case_events: the timeline, one row per transition (actor, action, reason).
 *  - case_pauses: special procedures and extensions (表7 特别程序; 行政许可法 Art. 45), with start/end/reason/result.
 *  - case_corrections: 补正 rounds (行政许可法 Art. 32: one notice listing everything).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table bundle_applications (
      id uuid primary key,
      bundle_code text not null,
      applicant_citizen_id uuid not null references citizens (id),
      subject_enterprise_id uuid references enterprises (id),
      status text not null check (status in ('draft', 'submitted', 'withdrawn')),
      values jsonb not null default '{}',
      prefill jsonb not null default '{}',
      idempotency_key text,
      ref_no text unique,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      unique (applicant_citizen_id, idempotency_key)
    );
    create table applications (
      id uuid primary key,
      item_id uuid not null references service_items (id),
      item_version integer not null,
      item_code text not null,
      item_name text not null,
      form_version integer not null default 0,
      bundle_application_id uuid references bundle_applications (id),
      applicant_citizen_id uuid not null references citizens (id),
      subject_enterprise_id uuid references enterprises (id),
      status text not null check (status in ('draft', 'submitted', 'withdrawn')),
      values jsonb not null default '{}',
      prefill jsonb not null default '{}',
      draft_rev integer not null default 0,
      channel smallint not null default 2,
      idempotency_key text,
      ref_no text unique,
      query_code_hash text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      withdrawn_at timestamptz,
      unique (applicant_citizen_id, idempotency_key)
    );
    create index applications_owner on applications (applicant_citizen_id, updated_at desc);
    create index applications_subject on applications (subject_enterprise_id, updated_at desc) where subject_enterprise_id is not null;
    create table application_materials (
      application_id uuid not null references applications (id) on delete cascade,
      material_index integer not null,
      name text not null,
      required boolean not null default true,
      provided_by text check (provided_by in ('upload', 'shared', 'licence')),
      upload_id uuid,
      dataset text,
      licence_ref text,
      trust_level text,
      received_at timestamptz,
      primary key (application_id, material_index)
    );
    create sequence case_ref_seq;
    create table cases (
      id uuid primary key,
      application_id uuid not null unique references applications (id),
      ref_no text not null unique,
      item_id uuid not null references service_items (id),
      item_version integer not null,
      item_code text not null,
      item_name text not null,
      department_id uuid not null references departments (id),
      region_code text,
      kind smallint not null check (kind in (1, 2, 9)),
      status text not null check (status in ('submitted', 'correction_requested', 'accepted', 'not_accepted', 'in_progress',
        'approved', 'denied', 'result_issued', 'delivered', 'withdrawn', 'terminated')),
      applicant_citizen_id uuid not null references citizens (id),
      subject_enterprise_id uuid references enterprises (id),
      applicant_name text not null,
      correction_round integer not null default 0,
      submitted_at timestamptz not null,
      received_on date not null,
      pre_review_due date not null,
      accepted_at timestamptz,
      accepted_on date,
      accepted_by uuid,
      accept_doc_no text,
      statutory_days integer not null,
      promised_days integer not null,
      extension_days integer not null default 0,
      paused_days integer not null default 0,
      paused_since date,
      statutory_due date,
      promised_due date,
      decision_step_key text,
      decided_at timestamptz,
      decision text check (decision in ('approved', 'denied')),
      decision_reason text,
      not_accepted_reason text,
      competent_organ text,
      result_issued_at timestamptz,
      result_name text,
      result_number text,
      result_description text,
      delivered_at timestamptz,
      delivery_method text,
      closed_at timestamptz,
      version integer not null default 0,
      updated_at timestamptz not null default now()
    );
    create index cases_applicant on cases (applicant_citizen_id, submitted_at desc);
    create index cases_department_status on cases (department_id, status, promised_due);
    create table case_steps (
      id uuid primary key,
      case_id uuid not null references cases (id) on delete cascade,
      step_key text not null,
      name text not null,
      department_id uuid not null references departments (id),
      seq integer not null,
      round integer not null default 1,
      predecessors jsonb not null default '[]',
      status text not null check (status in ('waiting', 'active', 'done', 'cancelled')),
      days integer not null default 0,
      assignee_id uuid,
      assignee_name text,
      claimed_at timestamptz,
      started_at timestamptz,
      started_on date,
      due_on date,
      finished_at timestamptz,
      outcome text check (outcome in ('pass', 'return', 'other', 'approved', 'denied')),
      opinion text,
      officer_id uuid,
      officer_name text,
      returned_to text,
      version integer not null default 0,
      unique (case_id, step_key, round)
    );
    create index case_steps_worklist on case_steps (department_id, status, due_on);
    create index case_steps_assignee on case_steps (assignee_id, status, due_on) where assignee_id is not null;
    create index case_steps_case on case_steps (case_id, seq);
    create table case_events (
      id uuid primary key,
      case_id uuid not null references cases (id) on delete cascade,
      occurred_at timestamptz not null default now(),
      actor_kind text not null,
      actor_id uuid,
      actor_name text,
      action text not null,
      from_status text,
      to_status text,
      step_id uuid,
      reason text,
      details jsonb not null default '{}'
    );
    create index case_events_case on case_events (case_id, occurred_at);
    create table case_pauses (
      id uuid primary key,
      case_id uuid not null references cases (id) on delete cascade,
      step_id uuid references case_steps (id),
      kind smallint not null check (kind in (1, 2)),
      procedure text not null,
      reason text not null,
      requested_by text,
      started_at timestamptz not null,
      started_on date not null,
      ended_at timestamptz,
      ended_on date,
      paused_days integer,
      extension_days integer,
      result text,
      opinion text,
      officer_id uuid not null,
      officer_name text not null
    );
    create index case_pauses_case on case_pauses (case_id, started_at);
    create table case_corrections (
      id uuid primary key,
      case_id uuid not null references cases (id) on delete cascade,
      round integer not null,
      requested_at timestamptz not null,
      requested_by uuid not null,
      requested_by_name text not null,
      items jsonb not null,
      notice text not null,
      resubmitted_at timestamptz,
      unique (case_id, round)
    );
  `.execute(db)
}
