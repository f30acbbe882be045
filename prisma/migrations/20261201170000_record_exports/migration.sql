-- Each audit export of 確認記録 over a period (who, which period, how many records): personal data
-- leaving in bulk is itself evidence. One row per export, append-only like the events.
CREATE TABLE "record_exports" (
    "id" UUID NOT NULL,
    "staff_key_id" UUID NOT NULL,
    "person_name" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "from_date" TEXT NOT NULL,
    "to_date" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "record_count" INTEGER NOT NULL,
    "completed" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "record_exports_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "record_exports_created_at_idx" ON "record_exports"("created_at");

CREATE TRIGGER "record_exports_append_only"
  BEFORE UPDATE OR DELETE ON "record_exports"
  FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "record_exports_no_truncate"
  BEFORE TRUNCATE ON "record_exports"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_evidence_change"();

-- The export walks the frozen records by time.
CREATE INDEX "verification_records_created_at_id_idx" ON "verification_records"("created_at", "id");
