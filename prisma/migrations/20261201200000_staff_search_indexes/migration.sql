-- Staff search by a name of one or two characters (林, 森, 李; サト for 佐藤): pg_trgm takes no
-- trigram from such a pattern, so its indexes cannot help, and the search walked the newest-first
-- index until it had a page: through every row for a rare name. Instead, each one- and
-- two-character part of the name, marked 'n' (lower case, as ILIKE compares) and of its kana,
-- marked 'k', in an array with a GIN index; kept by a trigger whenever either column changes,
-- whoever writes it. Writes that leave the names alone do not call it (its WHEN).

-- AlterTable
ALTER TABLE "applications" ADD COLUMN "name_grams" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE FUNCTION "name_grams"("full_name" TEXT, "full_name_kana" TEXT) RETURNS TEXT[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  grams TEXT[] := '{}';
  mark TEXT;
  name TEXT;
  gram TEXT;
  length INT;
BEGIN
  FOREACH mark IN ARRAY ARRAY['n', 'k'] LOOP
    name := CASE mark WHEN 'n' THEN lower("full_name") ELSE "full_name_kana" END;
    length := COALESCE(char_length(name), 0);
    FOR i IN 1..length LOOP
      gram := substr(name, i, 1);
      IF gram <> ' ' THEN grams := grams || (mark || gram); END IF;
      -- A query is trimmed, so its two characters never hold the space between 氏 and 名.
      IF i < length THEN
        gram := substr(name, i, 2);
        IF position(' ' IN gram) = 0 THEN grams := grams || (mark || gram); END IF;
      END IF;
    END LOOP;
  END LOOP;
  RETURN grams;
END
$$;

CREATE FUNCTION "keep_name_grams"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."name_grams" := "name_grams"(NEW."full_name", NEW."full_name_kana");
  RETURN NEW;
END
$$;

UPDATE "applications" SET "name_grams" = "name_grams"("full_name", "full_name_kana") WHERE "full_name" IS NOT NULL OR "full_name_kana" IS NOT NULL;

CREATE TRIGGER "applications_name_grams_insert"
  BEFORE INSERT ON "applications"
  FOR EACH ROW WHEN (NEW."full_name" IS NOT NULL OR NEW."full_name_kana" IS NOT NULL)
  EXECUTE FUNCTION "keep_name_grams"();

CREATE TRIGGER "applications_name_grams_update"
  BEFORE UPDATE OF "full_name", "full_name_kana", "name_grams" ON "applications"
  FOR EACH ROW WHEN (OLD."full_name" IS DISTINCT FROM NEW."full_name" OR OLD."full_name_kana" IS DISTINCT FROM NEW."full_name_kana" OR OLD."name_grams" IS DISTINCT FROM NEW."name_grams")
  EXECUTE FUNCTION "keep_name_grams"();

-- CreateIndex
CREATE INDEX "applications_name_grams_idx" ON "applications" USING GIN ("name_grams");

-- A status with other filters (IN_REVIEW named 山田) pages newest first within that status: with
-- the id (the order's tie-break) in the index, that walk needs no sort and skips the other statuses.
-- DropIndex
DROP INDEX "applications_status_created_at_idx";

-- CreateIndex
CREATE INDEX "applications_status_created_at_id_idx" ON "applications"("status", "created_at", "id");
