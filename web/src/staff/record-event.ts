// Records one event on a case; the API answers the case as it now is, or an error (409 when
// the case's state does not allow it, 422 naming the field) that the form shows by the field.
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import type { StaffCase } from './staff-case';

export function useRecordEvent(reference: string, onRecorded: (shown: StaffCase) => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function record(body: Record<string, unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      const shown = await call<StaffCase>(`/api/v1/cases/${encodeURIComponent(reference)}/events`, {
        method: 'POST',
        body,
      });
      onRecorded(shown);
      return true;
    } catch (e) {
      setError(e as ApiError);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { record, error, busy };
}
