-- The audit trail is append-only at the database level, whatever the client: any UPDATE,
-- DELETE or TRUNCATE statement on audit_events is refused, even one matching no row.
-- (The hash chain makes tampering detectable; this makes it refused.) Prisma's schema diff
-- does not see functions and triggers, so this hand-written migration never shows as drift.

-- CreateFunction
CREATE FUNCTION "audit_events_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
    USING HINT = 'Audit records can only be inserted.';
END;
$$;

-- CreateTrigger
CREATE TRIGGER "audit_events_append_only"
BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events"
FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_refuse_change"();
