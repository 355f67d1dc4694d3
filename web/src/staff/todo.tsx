// The to-do list (#/staff/todo): the letters to print and post and the calls to make, of the
// cases the reader may see, oldest first. A letter downloads as a PDF; a call is marked done with
// what was said, which goes on the case as an outbound call.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, call, download } from '../api';
import { formatInstant, useT } from '../i18n';
import { href } from '../route';
import { ErrorSummary, TextArea, fieldError, scopedError } from '../ui/form';
import { type OutboxMessage, type OutboxPage, recipientLine } from './outbox-message';

// Every pending task, oldest first (the API pages newest first).
async function loadTasks(): Promise<OutboxMessage[]> {
  const tasks: OutboxMessage[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: OutboxPage = await call<OutboxPage>(`/api/v1/outbox?status=pending&limit=200${query}`);
    tasks.push(...page.messages);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return tasks.reverse();
}

export function TodoPage() {
  const t = useT();
  const [tasks, setTasks] = useState<OutboxMessage[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [said, setSaid] = useState('');
  useEffect(() => {
    loadTasks().then(setTasks, (e: ApiError) => setError(e));
  }, []);

  function done(task: OutboxMessage, what: string) {
    setTasks((before) => before?.filter((m) => m.id !== task.id) ?? null);
    setSaid(t('todo_done', { what }));
  }

  return (
    <section aria-labelledby="todo-title" class="todo">
      <h1 id="todo-title" tabIndex={-1}>{t('nav_todo')}</h1>
      <p>{t('todo_intro')}</p>
      <p role="status" class="saved">{said}</p>
      <ErrorSummary error={error} />
      {tasks === null && !error && <p role="status">{t('loading')}</p>}
      {tasks?.length === 0 && <p>{t('todo_none')}</p>}
      {tasks && tasks.length > 0 && (
        <ul class="cards tasks">
          {tasks.map((task) => <Task key={task.id} task={task} onDone={done} />)}
        </ul>
      )}
    </section>
  );
}

function Task({ task, onDone }: { task: OutboxMessage; onDone: (task: OutboxMessage, what: string) => void }) {
  const t = useT();
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const isCall = task.delivery === 'call';
  const what = t(isCall ? 'todo_call' : 'todo_letter', { recipient: recipientLine(task) });
  const headingId = `task-${task.id}`;

  async function markDone(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      await call(`/api/v1/outbox/${task.id}/done`, { method: 'POST', body: isCall ? { summary } : {} });
      onDone(task, what);
    } catch (e) {
      setError(scopedError(e, 'task'));
    }
  }

  async function printable() {
    setError(null);
    try {
      await download(`/api/v1/outbox/${task.id}/letter.pdf`, `letter-${task.reference ?? task.id}.pdf`);
    } catch (e) {
      setError(scopedError(e, 'task'));
    }
  }

  return (
    <li class="card">
      <h2 id={headingId}>{what}</h2>
      <p class="task-subject">{task.subject}</p>
      {task.reference && (
        <p>
          <a href={href('staff', 'case', task.reference)}>{t('todo_case', { reference: task.reference })}</a>
        </p>
      )}
      <p class="hint">
        {t('todo_written', { when: formatInstant(task.created_at) })}
        {task.large_print && <> · <span class="badge">{t('todo_large_print')}</span></>}
      </p>
      <details>
        <summary>{isCall ? t('todo_what_to_say') : t('todo_the_letter')}</summary>
        <p class="pre">{task.text}</p>
      </details>
      <form onSubmit={markDone} noValidate aria-labelledby={headingId}>
        <ErrorSummary error={error} />
        {isCall && (
          <TextArea id={`summary-${task.id}`} label={t('todo_summary')} required rows={3} value={summary}
            onValue={setSummary} error={fieldError(error, 'task.summary')} />
        )}
        <div class="actions">
          {!isCall && (
            <button type="button" class="secondary" onClick={() => void printable()}>
              {t('todo_download')}
            </button>
          )}
          <button type="submit" aria-label={t('todo_mark_done_named', { what })}>
            {t('todo_mark_done')}
          </button>
        </div>
      </form>
    </li>
  );
}
