// The active policy as the staff screens need it (GET /api/v1/policy, read once per page load):
// its standards' names, for naming deadlines, and its lists of natures, services and root
// causes, offered as suggestions where staff classify a case.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';

export interface ActivePolicy {
  standardNames: Record<string, string>;
  natures: string[];
  services: string[];
  root_causes: string[];
}

interface PolicyAnswer {
  standards?: { id: string; name: string }[];
  natures?: string[];
  services?: string[];
  root_causes?: string[];
}

let loaded: Promise<ActivePolicy> | null = null;

export function loadActivePolicy(): Promise<ActivePolicy> {
  loaded ??= call<PolicyAnswer>('/api/v1/policy').then(
    (policy) => ({
      standardNames: Object.fromEntries((policy.standards ?? []).map((s) => [s.id, s.name])),
      natures: policy.natures ?? [],
      services: policy.services ?? [],
      root_causes: policy.root_causes ?? [],
    }),
    () => ({ standardNames: {}, natures: [], services: [], root_causes: [] }),
  );
  return loaded;
}

export function useActivePolicy(): ActivePolicy | null {
  const [policy, setPolicy] = useState<ActivePolicy | null>(null);
  useEffect(() => void loadActivePolicy().then(setPolicy), []);
  return policy;
}

// A <datalist> of `options` for an input's `list` attribute: suggestions, never a constraint.
export function Suggestions({ id, options }: { id: string; options: string[] }) {
  return (
    <datalist id={id}>
      {options.map((option) => <option key={option} value={option} />)}
    </datalist>
  );
}
