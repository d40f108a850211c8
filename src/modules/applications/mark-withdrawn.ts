import type { Executor } from '../../platform/database'

/** The cases module calls this inside its withdrawal transaction: the application is void from the start (§B.3 撤回申请). */
export async function markApplicationWithdrawn(tx: Executor, applicationId: string, now: Date): Promise<void> {
  await tx.updateTable('applications').set({ status: 'withdrawn', withdrawn_at: now, updated_at: now }).where('id', '=', applicationId).execute()
}
