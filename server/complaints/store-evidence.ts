import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { EvidenceInput } from '../../db/intake';
import { AppError, ValidationError } from '../../lib/errors';

/** Attachment types accepted as evidence: photos, scans, documents, recordings. */
export const EVIDENCE_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'text/plain',
  'audio/mpeg',
  'audio/mp4',
  'video/mp4',
];

/** Largest number of files in one upload. */
export const MAX_FILES_PER_UPLOAD = 10;

export class EvidenceTooLargeError extends AppError {
  constructor(filename: string, maxBytes: number) {
    super(
      'EVIDENCE_TOO_LARGE',
      `"${filename}" is larger than the ${maxBytes} bytes an attachment may have.`,
      413,
    );
  }
}

/**
 * Streams the uploaded files to `dir/<complaint id>/<uuid>` (never under the name given), hashing
 * them on the way; a file of a type not accepted or over the size limit fails the whole upload and
 * nothing of it is kept.
 */
export async function storeEvidence(
  files: AsyncIterable<MultipartFile>,
  options: { dir: string; complaintId: string; maxBytes: number },
): Promise<EvidenceInput[]> {
  const stored: EvidenceInput[] = [];
  let current: string | undefined;
  const folder = path.join(options.dir, options.complaintId);
  await mkdir(folder, { recursive: true });
  try {
    for await (const file of files) {
      if (stored.length >= MAX_FILES_PER_UPLOAD) {
        throw new ValidationError([
          { field: 'files', problem: `at most ${MAX_FILES_PER_UPLOAD} files per upload` },
        ]);
      }
      if (!EVIDENCE_TYPES.includes(file.mimetype)) {
        throw new ValidationError([
          {
            field: `files.${file.filename}`,
            problem: `has type ${file.mimetype}; accepted: ${EVIDENCE_TYPES.join(', ')}`,
          },
        ]);
      }
      const name = randomUUID();
      const hash = createHash('sha256');
      let size = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      });
      current = path.join(folder, name);
      await pipeline(file.file, measure, createWriteStream(current));
      if (file.file.truncated) throw new EvidenceTooLargeError(file.filename, options.maxBytes);
      stored.push({
        filename: file.filename.slice(0, 255) || 'attachment',
        contentType: file.mimetype,
        sizeBytes: size,
        sha256: hash.digest('hex'),
        storageKey: `${options.complaintId}/${name}`,
      });
      current = undefined;
    }
  } catch (error) {
    const written = [
      ...stored.map((s) => path.join(options.dir, s.storageKey)),
      ...(current ? [current] : []),
    ];
    await Promise.all(written.map((file) => rm(file, { force: true })));
    throw error;
  }
  if (stored.length === 0)
    throw new ValidationError([{ field: 'files', problem: 'at least one file is required' }]);
  return stored;
}
