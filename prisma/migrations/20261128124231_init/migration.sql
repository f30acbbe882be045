-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ApplicationFlow" AS ENUM ('FIRST_TIME', 'LINK_VERIFIED');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'APPROVED', 'DENIED');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('APPLICANT', 'STAFF', 'PROVIDER', 'SYSTEM');

-- CreateTable
CREATE TABLE "applications" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "flow" "ApplicationFlow" NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_events" (
    "id" BIGSERIAL NOT NULL,
    "application_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" TEXT,
    "from_status" "ApplicationStatus",
    "to_status" "ApplicationStatus",
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_counters" (
    "day" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "reference_counters_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE UNIQUE INDEX "applications_reference_key" ON "applications"("reference");

-- CreateIndex
CREATE INDEX "applications_status_created_at_idx" ON "applications"("status", "created_at");

-- CreateIndex
CREATE INDEX "application_events_application_id_id_idx" ON "application_events"("application_id", "id");

-- AddForeignKey
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 確認記録 are evidence under 犯罪収益移転防止法: events are append-only and no row is ever
-- hard-deleted. Enforced here so that no code path, script or console session can do otherwise.
CREATE FUNCTION "reject_evidence_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is not allowed: verification records are kept as evidence', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "application_events_append_only"
  BEFORE UPDATE OR DELETE ON "application_events"
  FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();

CREATE TRIGGER "application_events_no_truncate"
  BEFORE TRUNCATE ON "application_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_evidence_change"();

CREATE TRIGGER "applications_no_delete"
  BEFORE DELETE ON "applications"
  FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();

CREATE TRIGGER "applications_no_truncate"
  BEFORE TRUNCATE ON "applications"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_evidence_change"();
