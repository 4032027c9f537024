// The shape a language fills: the keys of the Chinese text, with any strings as values.
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
