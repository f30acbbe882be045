-- 確認記録 frozen when the application is approved (犯収法6条: made 直ちに, kept 7 years): the
-- record as it stood then, with a SHA-256 digest over its canonical JSON (RFC 8785), so any later
-- change to it is detectable. What is learnt afterwards is appended as a 付記, never written into it.
CREATE TABLE "verification_records" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "record_version" INTEGER NOT NULL,
    "record" JSONB NOT NULL,
    "digest" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "verification_records_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "verification_records_digest_check" CHECK ("digest" ~ '^[0-9a-f]{64}$')
);

CREATE INDEX "verification_records_application_id_created_at_idx" ON "verification_records"("application_id", "created_at");

ALTER TABLE "verification_records" ADD CONSTRAINT "verification_records_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "verification_record_notes" (
    "id" UUID NOT NULL,
    "record_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "staff_key_id" UUID NOT NULL,
    "person_name" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "verification_record_notes_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "verification_record_notes_record_id_created_at_idx" ON "verification_record_notes"("record_id", "created_at");

ALTER TABLE "verification_record_notes" ADD CONSTRAINT "verification_record_notes_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "verification_records"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Evidence, as application_events: no update, delete or truncate from any code path or console.
CREATE TRIGGER "verification_records_append_only"
  BEFORE UPDATE OR DELETE ON "verification_records"
  FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "verification_records_no_truncate"
  BEFORE TRUNCATE ON "verification_records"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "verification_record_notes_append_only"
  BEFORE UPDATE OR DELETE ON "verification_record_notes"
  FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "verification_record_notes_no_truncate"
  BEFORE TRUNCATE ON "verification_record_notes"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_evidence_change"();
