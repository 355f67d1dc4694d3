// The organisation's departments (GET /api/v1/departments), for filters and routing choices.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';

export interface Department {
  id: number;
  name: string;
}

export function useDepartments(): Department[] {
  const [departments, setDepartments] = useState<Department[]>([]);
  useEffect(() => {
    call<{ departments: Department[] }>('/api/v1/departments').then(
      (answer) => setDepartments(answer.departments),
      () => setDepartments([]),
    );
  }, []);
  return departments;
}
