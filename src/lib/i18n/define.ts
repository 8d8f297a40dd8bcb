/**
 * A message area's English must name every key its Vietnamese does, and no other: a missing
 * or stray English string is a type error (and `tests/unit/i18n.test.ts` checks the same at run
 * time, with the placeholders).
 */
export type Messages<V> = { readonly [K in keyof V]: string };
