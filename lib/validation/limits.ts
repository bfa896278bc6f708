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
