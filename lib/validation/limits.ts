// Length limits both sides need, as plain numbers (no zod), so a client component can import them.

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 100;
/** Any other text field a client may send to /api/auth (image, callbackURL, tokens…). */
export const MAX_AUTH_FIELD_LENGTH = 2048;

/** The longest value each field of an /api/auth body may have; fields not named here get MAX_AUTH_FIELD_LENGTH. */
export const authFieldLimits: Record<string, number> = {
  email: MAX_EMAIL_LENGTH,
  name: MAX_NAME_LENGTH,
  password: MAX_PASSWORD_LENGTH,
  newPassword: MAX_PASSWORD_LENGTH,
  currentPassword: MAX_PASSWORD_LENGTH,
};

/** The longest reflection, in UTF-16 units as a textarea counts them. */
export const REFLECTION_MAX_LENGTH = 5000;
/** The most characters each of a practice entry's three texts may have. */
export const PRACTICE_TEXT_MAX_LENGTH = 2000;
/** The earliest day a practice entry may be about, as the date input's `min` has it. */
export const EARLIEST_PRACTICE_DAY = "2000-01-01";
