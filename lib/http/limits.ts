// How large a request body may be, by where it goes. Each is refused with 413 before it is
// read in full (a 100 MB sign-up once ran the server out of memory).

/** Route handlers under app/api: the largest is a practice entry, three texts of 2,000 characters. */
export const ROUTE_BODY_LIMIT = 64 * 1024;

/** Better Auth's HTTP API (/api/auth/*): an email, a password and a name. */
export const AUTH_BODY_LIMIT = 16 * 1024;

/** Server actions (form posts): the largest is a reflection of 5,000 characters, sent with the form's state. */
export const ACTION_BODY_LIMIT = 128 * 1024;
