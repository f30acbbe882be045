-- Rows written before 20261201115624 follow the new rules too.

-- Sandbox sessions the phone had submitted while the reviewer was an in-process timer: due now,
-- so a worker delivers their verdict (those whose timer died would otherwise wait for ever).
UPDATE "sandbox_ekyc_sessions" SET "review_due_at" = CURRENT_TIMESTAMP
 WHERE "status" = 'SUBMITTED' AND "reviewed_at" IS NULL AND "review_due_at" IS NULL;
UPDATE "sandbox_ekyc_sessions" SET "reviewed_at" = "created_at"
 WHERE "status" = 'REVIEWED' AND "reviewed_at" IS NULL;

-- Applicant sessions opened with the old 30-day lifetime end 12 hours after they opened, the
-- default SESSION_MAX_HOURS (a deployment with a longer setting loses nothing it relied on: the
-- applicant comes back through an emailed link).
UPDATE "applicant_sessions" SET "expires_at" = LEAST("expires_at", "created_at" + interval '12 hours')
 WHERE "revoked_at" IS NULL;
