import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The complainant's personal data, apart from the complaint so that it can be masked and erased on
 * request (001 第九条.2). After erasure the name reads `[erased]`, contact fields are null and
 * `erasedAt` says when.
 */
@Entity({ name: 'complainant' })
export class Complainant {
  @PrimaryColumn({ name: 'complaint_id', type: 'uuid' }) complaintId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) wechat!: string | null;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'text', nullable: true }) organisation!: string | null;
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true }) erasedAt!: Date | null;
}

/**
 * A keyed hash (HMAC-SHA256) of one normalised contact detail of a complaint's complainant: complaints
 * sharing a fingerprint come from the same person (a repeat complainant raises priority, 001 4.2).
 * Erasure deletes them.
 */
@Entity({ name: 'contact_fingerprint' })
export class ContactFingerprint {
  @PrimaryColumn({ name: 'complaint_id', type: 'uuid' }) complaintId!: string;
  @PrimaryColumn({ type: 'char', length: 64 }) hash!: string;
  /** The complaint's reception time, so that a person's recent complaints are found by hash and time. */
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
}
