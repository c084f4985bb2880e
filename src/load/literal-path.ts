/** DuckDB's glob characters: `*` (and `**`), `?` and `[...]`. DuckDB has no brace expansion. */
const GLOB_CHARACTERS = /[*?[]/g;

/** True when DuckDB would expand `path` as a glob. */
export function hasGlobCharacters(path: string): boolean {
  return /[*?[]/.test(path);
}

/**
 * `path` written so that DuckDB's readers take it literally: they glob-expand every file name, even in a
 * list, and take no backslash escape, but a one-character class matches just that character
 * (`*` -> `[*]`, `?` -> `[?]`, `[` -> `[[]`).
 */
export function literalPath(path: string): string {
  return path.replace(GLOB_CHARACTERS, (character) => `[${character}]`);
}
