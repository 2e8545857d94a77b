import type { DataSource } from 'typeorm';
import { ComplaintsByProcessRepository } from '../../db/repositories/complaints-by-process.repository';
import { MatchingArticlesRepository } from '../../db/repositories/matching-articles.repository';
import { SimilarComplaintsRepository } from '../../db/repositories/similar-complaints.repository';
import type { TaskDetails } from '../schemas/tasks';
import type { UserTaskFound } from './list-open-tasks';
import type { TaskForms } from './task-forms';
import { taskComplaintOf, taskItemOf } from './task-views';

/** How many past complaints and articles are shown beside a task. */
const SHOWN = 5;

/**
 * Everything an agent needs to work a task: the task, its form, the complaint (contact details
 * masked unless `unmasked`), similar past complaints and knowledge-base articles that fit it.
 */
export async function taskDetailsOf(
  db: DataSource,
  forms: TaskForms,
  task: UserTaskFound,
  unmasked: boolean,
): Promise<TaskDetails> {
  const formId = forms.formIdOf(task);
  const found = await new ComplaintsByProcessRepository(db.manager).findComplaintOfProcessInstance(
    task.processInstanceKey,
  );
  const complaint = found?.complaint ?? null;
  const [similarComplaints, knowledgeArticles] = complaint
    ? await Promise.all([
        new SimilarComplaintsRepository(db.manager).findSimilarComplaints(complaint, SHOWN),
        new MatchingArticlesRepository(db.manager).findArticlesMatchingComplaint(complaint, SHOWN),
      ])
    : [[], []];
  return {
    task: taskItemOf(task, formId, complaint),
    form: (formId && forms.formOf(formId)) ?? null,
    complaint: found && taskComplaintOf(found.complaint, found.complainant, unmasked),
    similarComplaints: similarComplaints.map((similar) => ({
      ...similar,
      receivedAt: similar.receivedAt.toISOString(),
      closedAt: similar.closedAt?.toISOString() ?? null,
    })),
    knowledgeArticles: knowledgeArticles.map((article) => ({ ...article, tags: [...article.tags] })),
  };
}
