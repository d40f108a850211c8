import { DomainError, NotFoundError } from '../../../platform/errors'

/**
 * What can go wrong with an upload, each saying what to do next (Chinese first, then English). Nothing is kept
 * when any of these is thrown: no blob, no temporary file, no row.
 */
export type UploadMime = 'application/pdf' | 'image/jpeg' | 'image/png'

export const MIME_LABEL: Record<UploadMime, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' }

export class UnsupportedFileTypeError extends DomainError {
  constructor() {
    super('upload_type_unsupported', '文件类型不支持：只能上传 PDF、JPG 或 PNG 格式的文件，请转换后重新上传。 Only PDF, JPG or PNG files can be uploaded; convert the file and upload it again.', 415, [
      { field: 'file', message: '请上传 PDF、JPG 或 PNG 文件。 Upload a PDF, JPG or PNG file.' },
    ])
  }
}

export class FileTypeMismatchError extends DomainError {
  constructor(extension: string, actual: UploadMime) {
    const label = MIME_LABEL[actual]
    const good = actual === 'application/pdf' ? '.pdf' : actual === 'image/png' ? '.png' : '.jpg'
    super(
      'upload_type_mismatch',
      `文件名与文件内容不符：文件名是“${extension}”，内容却是 ${label} 文件。请确认选择了正确的文件；如果文件没错，请把扩展名改为“${good}”后重新上传。 The file name ends in “${extension}” but the file is a ${label}; check you chose the right file, or rename it to “${good}” and upload it again.`,
      415,
      [{ field: 'file', message: `文件内容是 ${label}，请使用扩展名“${good}”。 The file is a ${label}; name it “${good}”.` }],
    )
  }
}

export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

export class FileTooLargeError extends DomainError {
  constructor(readonly maxBytes: number) {
    const max = sizeLabel(maxBytes)
    super('upload_too_large', `文件太大：每个文件不能超过 ${max}。请压缩文件（例如降低扫描分辨率）或分成几个文件后重新上传。 The file is larger than ${max}; compress it (e.g. scan at a lower resolution) or split it, then upload again.`, 413, [
      { field: 'file', message: `文件不能超过 ${max}。 At most ${max}.` },
    ])
  }
}

export class EmptyFileError extends DomainError {
  constructor() {
    super('upload_empty', '文件是空的（0 字节）：请检查文件是否完整，重新选择后上传。 The file is empty (0 bytes); check the file and choose it again.', 400, [
      { field: 'file', message: '文件是空的，请重新选择。 The file is empty; choose it again.' },
    ])
  }
}

export class NoFileError extends DomainError {
  constructor() {
    super('upload_missing', '没有收到文件：请选择要上传的文件后再提交。 No file was received; choose a file and submit again.', 400, [
      { field: 'file', message: '请选择文件。 Choose a file.' },
    ])
  }
}

export class MalformedUploadError extends DomainError {
  constructor() {
    super('upload_malformed', '上传请求不完整或格式有误：请刷新页面后重新上传；如果使用程序上传，请以 multipart/form-data 的 file 字段发送。 The upload was incomplete or malformed; reload the page and try again (programs: send multipart/form-data with a "file" field).', 400)
  }
}

export const uploadNotFound = () => new NotFoundError('文件不存在或您无权查看：请从“我的申请”中打开所附材料，或重新上传。 No such file, or it is not yours; open it from your application or upload it again.', 'upload_not_found')
