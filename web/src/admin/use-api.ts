// A GET of the JSON API as component state: the answer, or the error to show, and a way to ask
// again after a change.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, call } from '../api';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean; // `path` is not answered yet; data and error may still be an earlier path's
  reload: () => void;
}

// `path` null: nothing to ask yet.
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    call<T>(path)
      .then((answer) => current && (setData(answer), setError(null), setAnswered(path)))
      .catch((e: unknown) => current && (setError(asApiError(e)), setAnswered(path)));
    return () => {
      current = false;
    };
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading: path !== null && answered !== path, reload };
}

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, String(e));
}
