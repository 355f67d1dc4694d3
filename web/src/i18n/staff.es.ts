// Las cadenas de la consola del personal, en español.
import type { staffEn } from './staff.en';

export const staffEs: Record<keyof typeof staffEn, string> = {
};
