// The staff console's strings (sign-in, queue, case page, new contact), in English.
export const staffEn = {
} as const;
