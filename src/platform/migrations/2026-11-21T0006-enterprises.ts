import { sql, type Kysely } from 'kysely'

/**
 * Enterprise accounts (issue 3): contact details the enterprise keeps up to date itself — the first write an
 * agent (经办人) makes for the enterprise. GB/T 39046 表12 gives 机构地址 an..400 (bytes), so 200 characters;
 * the phone is a mainland mobile or a fixed line with area code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table enterprises add column contact_phone varchar(20);
    alter table enterprises add column contact_email varchar(100);
    alter table enterprises add column contact_address varchar(200);
    alter table enterprises add column contact_updated_at timestamptz;
  `.execute(db)
}
