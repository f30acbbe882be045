-- 代理人 (犯収法4条4項): a verification session is the customer's or the agent's; rows before this are the customer's.
CREATE TYPE "VerificationSubject" AS ENUM ('CUSTOMER', 'AGENT');
ALTER TABLE "verifications" ADD COLUMN "subject" "VerificationSubject" NOT NULL DEFAULT 'CUSTOMER';

-- 施行規則12条5項: what the applicant uploads to show why the agent acts (a 委任状, a document showing a 法定代理人).
CREATE TABLE "agent_evidence_documents" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_evidence_documents_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "agent_evidence_documents_application_id_created_at_idx" ON "agent_evidence_documents"("application_id", "created_at");

ALTER TABLE "agent_evidence_documents" ADD CONSTRAINT "agent_evidence_documents_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Evidence: never changed, deleted or truncated.
CREATE TRIGGER "agent_evidence_documents_append_only"
  BEFORE UPDATE OR DELETE ON "agent_evidence_documents"
  FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();
CREATE TRIGGER "agent_evidence_documents_no_truncate"
  BEFORE TRUNCATE ON "agent_evidence_documents"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_evidence_change"();
