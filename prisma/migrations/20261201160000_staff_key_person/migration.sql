-- A staff key names the person who acts with it (氏名 and 所属部署): a 確認記録 must say who
-- verified (施行規則20条1項), and a decision by a key that names nobody is refused. Older keys
-- have neither until an admin issues new ones.
ALTER TABLE "staff_keys" ADD COLUMN "person_name" TEXT;
ALTER TABLE "staff_keys" ADD COLUMN "department" TEXT;
