import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { ESLint } from 'eslint'

/**
 * The module-boundary rule (eslint.config.js, ARCHITECTURE.md §2) must keep catching violations: lint source
 * text as if it lived at a path in src/ and look for boundaries/element-types reports. Targets are real files.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const eslint = new ESLint({ cwd: ROOT })

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: join(ROOT, file) })
  return (r?.messages ?? []).filter((m) => m.ruleId === 'boundaries/element-types').map((m) => m.message)
}

describe('module-boundary lint rule', () => {
  const cases: [string, string, string, boolean][] = [
    ['platform imports a module', 'src/platform/zz-check.ts', "import { exportCatalog } from '../modules/catalog'\nvoid exportCatalog\n", true],
    ['a lower module imports a higher one', 'src/modules/identity/zz-check.ts', "import { exportCatalog } from '../catalog'\nvoid exportCatalog\n", true],
    ['a module imports main', 'src/modules/catalog/zz-check.ts', "import { openRuntime } from '../../main/bootstrap'\nvoid openRuntime\n", true],
    ['a module reaches past another module’s index.ts', 'src/modules/cases/zz-check.ts', "import { saveItem } from '../catalog/save-item'\nvoid saveItem\n", true],
    ['a later module reaches past index.ts', 'src/modules/evaluation/zz-check.ts', "import { saveItem } from '../catalog/save-item'\nvoid saveItem\n", true],
    ['app imports main', 'src/routes.ts', "import { openRuntime } from './main/bootstrap'\nvoid openRuntime\n", true],
    ['a higher module imports a lower index.ts', 'src/modules/cases/zz-check.ts', "import { exportCatalog } from '../catalog'\nvoid exportCatalog\n", false],
    ['a later module imports a spine index.ts', 'src/modules/evaluation/zz-check.ts', "import { exportCatalog } from '../catalog'\nvoid exportCatalog\n", false],
    ['a module imports its own files and platform', 'src/modules/catalog/zz-check.ts', "import { saveItem } from './save-item'\nimport { problemOf } from '../../platform/errors'\nvoid saveItem\nvoid problemOf\n", false],
    ['a module imports the Deps type', 'src/modules/catalog/zz-check.ts', "import type { Deps } from '../../deps'\nexport type X = Deps\n", false],
    ['a module imports a value from the composition root', 'src/modules/catalog/zz-check.ts', "import * as d from '../../deps'\nvoid d\n", true],
    ['main imports anything', 'src/main/zz-check.ts', "import { buildApp } from '../app'\nimport { saveItem } from '../modules/catalog/save-item'\nvoid buildApp\nvoid saveItem\n", false],
  ]
  for (const [name, file, code, violation] of cases) {
    it(`${violation ? 'reports' : 'allows'}: ${name}`, async () => {
      const errs = await boundaryErrors(file, code)
      if (violation) assert.ok(errs.length >= 1 && errs.every((m) => m.includes('ARCHITECTURE.md §2')), JSON.stringify(errs))
      else assert.deepEqual(errs, [])
    })
  }
})
