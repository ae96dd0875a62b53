/** Limits of a lesson file: each refusal names the field and the limit. */
export const MAX_LESSON_STEPS = 40;
export const MAX_LESSON_TEXT_CHARS = 1200;
export const MAX_LESSON_TITLE_CHARS = 120;
export const MAX_OPTIONS = 6;
export const MAX_MEASURES = 6;
export const MAX_REFERENCE_COMMANDS = 8;
export const MAX_TEACHER_NOTES = 12;
export const MAX_HIGHLIGHTS = 8;
/** Longest wait an observe step may declare: ten virtual minutes. */
export const MAX_OBSERVE_MS = 600_000;
export const MIN_LESSON_SPEED = 0.1;
export const MAX_LESSON_SPEED = 4;
/** A lesson file in a link or a file: at most this many characters of JSON. */
export const MAX_LESSON_JSON_CHARS = 64_000;
