// Las cadenas del panel de gestión y de administración, en español.
import type { adminEn } from './admin.en';

export const adminEs: Record<keyof typeof adminEn, string> = {
};
