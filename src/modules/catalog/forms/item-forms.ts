import { createHash } from 'node:crypto'
import { recordAudit, type Actor } from '../../../platform/audit'
import { canonicalJson } from '../../../platform/canonical-json'
import type { DB, Executor } from '../../../platform/database'
import { NotFoundError, ValidationError } from '../../../platform/errors'
import { uuidv7 } from '../../../platform/ids'
import type { ServiceItemRecord } from '../service-item'
import { allFields, validateDefinition, type DefinitionError, type FormDefinition } from './form-definition'
import { generateForm } from './generate-form'

/**
 * Storage of item forms (`item_forms`): every save is a new immutable version; none stored = the generated form,
 * addressed as version 0. Applications pin (item version, form version) on their drafts.
 */
export type ItemForm = { version: number; definition: FormDefinition; generated: boolean; savedBy?: string; savedAt?: Date }

export function formHash(def: FormDefinition): string {
  return createHash('sha256').update(canonicalJson(def)).digest('hex')
}

const formNotFound = () => new NotFoundError('没有找到这个事项或它的表单版本，请从事项列表重新打开。 No such item or form version.', 'item_form_not_found')

async function currentRecord(db: Executor, itemId: string): Promise<ServiceItemRecord | undefined> {
  const r = await db.selectFrom('service_items').select('data').where('id', '=', itemId).executeTakeFirst()
  return r ? (r.data as unknown as ServiceItemRecord) : undefined
}

/** The latest stored version of the item's form, or the one generated from the current item record (version 0). */
export async function getItemForm(db: Executor, itemId: string): Promise<ItemForm | undefined> {
  const row = await db.selectFrom('item_forms').select(['version', 'definition', 'saved_by', 'saved_at']).where('item_id', '=', itemId).orderBy('version', 'desc').limit(1).executeTakeFirst()
  if (row) return { version: row.version, definition: row.definition as unknown as FormDefinition, generated: false, savedBy: row.saved_by, savedAt: row.saved_at }
  const record = await currentRecord(db, itemId)
  return record ? { version: 0, definition: generateForm(record), generated: true } : undefined
}

/**
 * A pinned version. Version 0 is the form generated from the item record of `itemVersion` (the item version the
 * draft pinned; default the current one) — generation is a pure function of the record, so it is reproducible.
 */
export async function getItemFormVersion(db: Executor, itemId: string, version: number, opts: { itemVersion?: number } = {}): Promise<ItemForm | undefined> {
  if (!Number.isInteger(version) || version < 0) return undefined
  if (version === 0) {
    let record: ServiceItemRecord | undefined
    if (opts.itemVersion !== undefined) {
      const v = await db.selectFrom('service_item_versions').select('data').where('item_id', '=', itemId).where('version', '=', opts.itemVersion).executeTakeFirst()
      record = v ? (v.data as unknown as ServiceItemRecord) : undefined
    } else record = await currentRecord(db, itemId)
    return record ? { version: 0, definition: generateForm(record), generated: true } : undefined
  }
  const row = await db.selectFrom('item_forms').select(['version', 'definition', 'saved_by', 'saved_at']).where('item_id', '=', itemId).where('version', '=', version).executeTakeFirst()
  return row ? { version: row.version, definition: row.definition as unknown as FormDefinition, generated: false, savedBy: row.saved_by, savedAt: row.saved_at } : undefined
}

/** Every stored version, newest first (the editor's history). */
export async function listItemFormVersions(db: Executor, itemId: string): Promise<{ version: number; savedBy: string; savedAt: Date; contentHash: string }[]> {
  const rows = await db.selectFrom('item_forms').select(['version', 'saved_by', 'saved_at', 'content_hash']).where('item_id', '=', itemId).orderBy('version', 'desc').limit(200).execute()
  return rows.map((r) => ({ version: r.version, savedBy: r.saved_by, savedAt: r.saved_at, contentHash: r.content_hash }))
}

/** Rules between a definition and its item: file fields must point at a real material. */
export function checkAgainstItem(def: FormDefinition, item: Pick<ServiceItemRecord, 'materials'>): DefinitionError[] {
  const n = item.materials?.length ?? 0
  const errors: DefinitionError[] = []
  def.sections.forEach((s, si) =>
    s.fields.forEach((f, fi) => {
      if (f.type === 'file' && f.materialIndex !== undefined && f.materialIndex >= n) {
        errors.push({ path: `sections[${si}].fields[${fi}].materialIndex`, message: `事项只有${n}项申请材料，materialIndex 应为 0 至 ${Math.max(0, n - 1)}。 The item has ${n} materials.` })
      }
    }),
  )
  return errors
}

export type SaveItemFormInput = { itemId: string; definition: unknown; actor: Actor; note?: string }
export type SaveItemFormResult = { outcome: 'saved' | 'unchanged'; version: number }

/**
 * Saves a new version of an item's form: validates (structure, semantics, materials of the item), then in ONE
 * transaction locks the item, compares with the latest version (identical content → nothing written), inserts
 * version n+1 and records `catalog.form.saved`. Invalid → ValidationError('item_form_invalid') with one entry per
 * problem (field = path in the definition), nothing written.
 */
export async function saveItemForm(db: DB, input: SaveItemFormInput): Promise<SaveItemFormResult> {
  const errors = validateDefinition(input.definition)
  if (errors.length) throw formInvalid(errors)
  const def = input.definition as FormDefinition
  return db.transaction().execute(async (tx) => {
    const item = await tx.selectFrom('service_items').select(['id', 'code', 'data']).where('id', '=', input.itemId).forUpdate().executeTakeFirst()
    if (!item) throw formNotFound()
    const more = checkAgainstItem(def, item.data as unknown as ServiceItemRecord)
    if (more.length) throw formInvalid(more)
    const hash = formHash(def)
    const latest = await tx.selectFrom('item_forms').select(['version', 'content_hash']).where('item_id', '=', item.id).orderBy('version', 'desc').limit(1).executeTakeFirst()
    if (latest && latest.content_hash === hash) return { outcome: 'unchanged' as const, version: latest.version }
    const version = (latest?.version ?? 0) + 1
    await tx
      .insertInto('item_forms')
      .values({ id: uuidv7(), item_id: item.id, version, definition: JSON.stringify(def), content_hash: hash, saved_by: input.actor.name ?? input.actor.type })
      .execute()
    await recordAudit(tx, {
      actor: input.actor,
      action: 'catalog.form.saved',
      subject: { type: 'service_item', id: item.code },
      ...(input.note ? { reason: input.note } : {}),
      details: { version, contentHash: hash, fields: allFields(def).length },
    })
    return { outcome: 'saved' as const, version }
  })
}

export function formInvalid(errors: DefinitionError[]): ValidationError {
  return new ValidationError(
    `表单定义有${errors.length}处问题，请按提示修改后再保存。 The form definition has ${errors.length} problem(s); fix them and save again.`,
    errors.map((e) => ({ field: e.path, message: e.message })),
    'item_form_invalid',
  )
}
