/**
 * The applicant-side form renderer. The implementation lives in catalog (src/modules/catalog/forms/form-fields.tsx)
 * because the catalogue editor previews the same rendering and catalog may not import applications
 * (ARCHITECTURE.md §2); this file is the applications module's entry to it, through catalog's index.
 *
 * A page handler's order (see catalog CONTEXT.md "Forms"):
 *   const body = await c.req.parseBody({ all: true })             // strings; files under upload.<key>
 *   let raw = parseFormPost(def, body)
 *   const rowsOnly = applyRowAction(def, body, raw)               // 添加一行 / 删除 without JS → re-render, save nothing
 *   const { values, prefilled } = applyPrefill(def, raw, profileData)  // locked fields never from the post
 *   const { values: clean, errors } = validateFormValues(def, values, { partial: isDraft, regionExists })
 *   errors.length ? re-render <FormFields values={values} errors={errors} …/> (nothing saved) : save clean
 */
export {
  FormFields, parseFormPost, applyRowAction, applyPrefill, fieldId, summaryErrors, validateFormValues, listRegionOptions,
  type FormFieldsProps, type Prefilled, type FormDefinition, type FormValues, type FieldError, type RegionOption,
} from '../../catalog'
