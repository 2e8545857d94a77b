import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A knowledge-base article: a past case or an answer agents search while handling (DOMAIN §4). */
@Entity({ name: 'knowledge_article' })
export class KnowledgeArticle {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags!: string[];
  @Column({ type: 'text', nullable: true }) category!: string | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
