-- CreateEnum
CREATE TYPE "InquiryKind" AS ENUM ('KYC', 'ACCOUNT', 'BILLING', 'OTHER');

-- CreateEnum
CREATE TYPE "InquiryStatus" AS ENUM ('OPEN', 'ANSWERED');

-- CreateTable
CREATE TABLE "inquiries" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "InquiryKind" NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "account_sid" TEXT,
    "content" TEXT NOT NULL,
    "application_id" UUID,
    "status" "InquiryStatus" NOT NULL DEFAULT 'OPEN',
    "answered_at" TIMESTAMPTZ(3),
    "answered_by_id" UUID,
    "answer_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inquiries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "inquiries_reference_key" ON "inquiries"("reference");

-- CreateIndex
CREATE INDEX "inquiries_status_created_at_idx" ON "inquiries"("status", "created_at");

-- CreateIndex
CREATE INDEX "inquiries_created_at_id_idx" ON "inquiries"("created_at", "id");

-- AddForeignKey
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The rest of the 確認記録 is kept like applications and their events: no row is ever deleted.
CREATE TRIGGER "verifications_no_delete" BEFORE DELETE ON "verifications" FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "verifications_no_truncate" BEFORE TRUNCATE ON "verifications" FOR EACH STATEMENT EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "outbox_emails_no_delete" BEFORE DELETE ON "outbox_emails" FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "outbox_emails_no_truncate" BEFORE TRUNCATE ON "outbox_emails" FOR EACH STATEMENT EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "webhook_receipts_no_delete" BEFORE DELETE ON "webhook_receipts" FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "webhook_receipts_no_truncate" BEFORE TRUNCATE ON "webhook_receipts" FOR EACH STATEMENT EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "inquiries_no_delete" BEFORE DELETE ON "inquiries" FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "inquiries_no_truncate" BEFORE TRUNCATE ON "inquiries" FOR EACH STATEMENT EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "staff_keys_no_delete" BEFORE DELETE ON "staff_keys" FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "staff_keys_no_truncate" BEFORE TRUNCATE ON "staff_keys" FOR EACH STATEMENT EXECUTE FUNCTION "reject_evidence_change"();
