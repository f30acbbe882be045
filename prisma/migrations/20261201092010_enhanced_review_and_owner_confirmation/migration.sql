-- AlterEnum
ALTER TYPE "ActorType" ADD VALUE 'OWNER';

-- AlterEnum
ALTER TYPE "ApplicationStatus" ADD VALUE 'ENHANCED_REVIEW';

-- AlterEnum
ALTER TYPE "StaffRole" ADD VALUE 'COMPLIANCE';

-- CreateTable
CREATE TABLE "owner_confirmations" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "relied_on_application_id" UUID NOT NULL,
    "root_application_id" UUID NOT NULL,
    "root_verification_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "sent_to" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "decision" TEXT,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "owner_confirmations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_documents" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_documents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "owner_confirmations_token_hash_key" ON "owner_confirmations"("token_hash");

-- CreateIndex
CREATE INDEX "owner_confirmations_application_id_created_at_idx" ON "owner_confirmations"("application_id", "created_at");

-- CreateIndex
CREATE INDEX "owner_confirmations_decision_expires_at_idx" ON "owner_confirmations"("decision", "expires_at");

-- CreateIndex
CREATE INDEX "review_documents_application_id_created_at_idx" ON "review_documents"("application_id", "created_at");

-- AddForeignKey
ALTER TABLE "owner_confirmations" ADD CONSTRAINT "owner_confirmations_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "owner_confirmations" ADD CONSTRAINT "owner_confirmations_relied_on_application_id_fkey" FOREIGN KEY ("relied_on_application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_documents" ADD CONSTRAINT "review_documents_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Evidence, like every record table: never deleted.
CREATE TRIGGER "owner_confirmations_no_delete" BEFORE DELETE ON "owner_confirmations" FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "owner_confirmations_no_truncate" BEFORE TRUNCATE ON "owner_confirmations" FOR EACH STATEMENT EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "review_documents_no_delete" BEFORE DELETE ON "review_documents" FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "review_documents_no_truncate" BEFORE TRUNCATE ON "review_documents" FOR EACH STATEMENT EXECUTE FUNCTION "reject_evidence_change"();
