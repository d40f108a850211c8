import type { UploadMime } from './upload-errors'

/** Longest stored file name, in characters (code points, as PostgreSQL's char_length counts). */
export const MAX_NAME_CHARS = 200

const EXTENSIONS: Record<string, UploadMime> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', jpe: 'image/jpeg', jfif: 'image/jpeg', png: 'image/png' }
const CANONICAL_EXT: Record<UploadMime, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }

/**
 * A file name safe to store and show: the last path segment only (old browsers sent C:\…\name), no control or
 * bidirectional-override characters (U+202E makes "gpj.exe" read as "exe.jpg"), no characters Windows forbids,
 * no leading dots, whitespace collapsed, at most MAX_NAME_CHARS characters keeping the extension. Never empty.
 */
export function sanitiseFileName(raw: string): string {
  let s = raw.normalize('NFC')
  s = s.split(/[/\\]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
  s = s.replace(/[<>:"|?*]/g, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').trim()
  if (!s) s = 'file'
  return truncateKeepingExtension(s, MAX_NAME_CHARS)
}

function truncateKeepingExtension(s: string, max: number): string {
  const chars = Array.from(s)
  if (chars.length <= max) return s
  const dot = s.lastIndexOf('.')
  const ext = dot > 0 ? Array.from(s.slice(dot)) : []
  const keepExt = ext.length > 0 && ext.length <= 10 ? ext : []
  return chars.slice(0, max - keepExt.length).join('').trimEnd() + keepExt.join('')
}

/** The extension of a (sanitised) name, lower case without the dot, or '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : ''
}

/** Which type an extension promises: a type we accept, 'other' (.exe, .docx, …) or null (no extension). */
export function typeOfExtension(ext: string): UploadMime | 'other' | null {
  if (!ext) return null
  return EXTENSIONS[ext] ?? 'other'
}

/** The stored name: the sanitised name, with the canonical extension added when it had none. */
export function storedName(name: string, mime: UploadMime): string {
  if (extensionOf(name)) return name
  return truncateKeepingExtension(`${name}.${CANONICAL_EXT[mime]}`, MAX_NAME_CHARS)
}
