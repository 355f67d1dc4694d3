// The manager dashboard's and admin screens' strings, in English.
export const adminEn = {
} as const;
