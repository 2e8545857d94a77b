import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from './transformers';

/** Metadata of one attachment of a complaint; the bytes live in storage under `storageKey`. */
@Entity({ name: 'evidence' })
export class Evidence {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'complaint_id', type: 'uuid' }) complaintId!: string;
  @Column({ type: 'text' }) filename!: string;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  @Column({ name: 'size_bytes', type: 'bigint', transformer: bigintToNumber }) sizeBytes!: number;
  /** Lower-case hex SHA-256 of the content. */
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ name: 'storage_key', type: 'text', unique: true }) storageKey!: string;
  @Column({ name: 'added_at', type: 'timestamptz' }) addedAt!: Date;
  /** An actor (see complaint-event.entity.ts). */
  @Column({ name: 'added_by', type: 'text' }) addedBy!: string;
}
